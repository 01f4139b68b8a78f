-- accounts: the language a person chose for Paydeck's pages (en, es, fr); null: their browser's.
alter table people add column language text check (language in ('en', 'es', 'fr'));

-- organizations: where the organization is and the currency it charges in unless told otherwise (ISO codes),
-- as given on the first-run page; null for organizations made before.
alter table organizations add column country text check (country ~ '^[A-Z]{2}$'),
                          add column default_currency text check (default_currency ~ '^[A-Z]{3}$');
