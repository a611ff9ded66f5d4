-- When a stored API token was last accepted, to the minute (`joule token list`, GET /api/v1/tokens).
ALTER TABLE api_token ADD COLUMN last_used_at TIMESTAMPTZ;
