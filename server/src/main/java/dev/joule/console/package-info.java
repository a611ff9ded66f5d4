/**
 * The operator console under {@code /console}: server-rendered HTML (Mustache templates, one per
 * page, every value escaped) with htmx for partial updates and the events stream for live ones. It
 * reads through {@link dev.joule.api.Reads} (the API's own queries) and sends commands through the
 * same {@link dev.joule.domain.command.Commands} and validation as {@code /api/v1}, and changes id
 * tags through {@link dev.joule.api.IdTags}, as the API does; it holds no SQL. Operators log in
 * with an API token; sessions live in this process's memory.
 */
package dev.joule.console;
