-- A party's name in each language the registry gives (Arabic and English besides French): emails name cities in
-- the reader's language.
ALTER TABLE party_view ADD COLUMN name_ar VARCHAR(200);
ALTER TABLE party_view ADD COLUMN name_en VARCHAR(200);
