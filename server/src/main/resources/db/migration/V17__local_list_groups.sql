-- A local list may follow a group of id tags (issue 14): PUT /chargers/{id}/local-list with
-- {"group": "G"} asks for every id tag whose parentIdTag is G (OCPP 1.6's grouping of id tags,
-- §4.8: tags of one parent are one group), read each time the list is sent, so that the list
-- follows the group as tags join, leave or change. NULL: the list is the tags of
-- local_list_wanted.
ALTER TABLE local_list ADD COLUMN id_tag_group TEXT;
CREATE INDEX id_tag_by_parent ON id_tag (lower(parent_id_tag));
