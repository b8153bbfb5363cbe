-- The language of an account's interface, as its BCP 47 tag (`nl`, `en`, `ar`, `ti`, `fa-AF`,
-- `uk`; the list is `shared::values::InterfaceLanguage`). NULL until it is first set: the app sets
-- it at the first login, from the browser's languages.
ALTER TABLE users ADD COLUMN interface_language TEXT;
