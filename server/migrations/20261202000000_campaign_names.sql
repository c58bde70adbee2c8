-- A name the user may give a campaign to tell it apart in the list (NULL: none). The list shows
-- each campaign's sender too, already stored.
ALTER TABLE campaigns ADD COLUMN name TEXT;
