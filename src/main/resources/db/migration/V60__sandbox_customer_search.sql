-- The sandbox's search endpoints (GET /v1/customers/search...) filter by the expressions below (see SearchSql). On
-- customers they are indexed, so that a search in an account of 100,000 customers reads the rows that match rather
-- than every customer of the account. Payment intents and charges are searched without indexes of their own: they are
-- written on the payment path, whose cost every payment pays, and searched far less.

-- email:"..." matches ignoring case.
create index objects_customers_by_lower_email on sandbox.objects (account_id, lower(data->>'email'))
    where object = 'customer';

-- The GIN indexes below are written directly (fastupdate off): with GIN's default pending list, new customers wait
-- in an unsorted list that every search reads through until a vacuum merges it (50 ms per search after a burst of
-- sign-ups, against under 1 ms once merged); a few more index pages per customers.create are cheaper.

-- metadata['key']:"value" matches the value ignoring case: candidates come from the lower-cased metadata, then the
-- key is checked as given.
create index objects_customers_by_metadata on sandbox.objects
    using gin ((lower((data->'metadata')::text)::jsonb) jsonb_path_ops) with (fastupdate = off)
    where object = 'customer';

-- Substrings (email~"...", name~"...", phone~"...", at least 3 characters) and exact names and phones, through
-- trigram indexes. pg_trgm is a contrib extension: the embedded PostgreSQL has it; a server that lacks it, or a role
-- not allowed to create it, still searches, reading every customer of the account.
do $$
begin
    create extension if not exists pg_trgm;
    create index objects_customers_by_email_trigrams on sandbox.objects
        using gin (lower(data->>'email') gin_trgm_ops) with (fastupdate = off) where object = 'customer';
    create index objects_customers_by_name_trigrams on sandbox.objects
        using gin (lower(data->>'name') gin_trgm_ops) with (fastupdate = off) where object = 'customer';
    create index objects_customers_by_phone_trigrams on sandbox.objects
        using gin (lower(data->>'phone') gin_trgm_ops) with (fastupdate = off) where object = 'customer';
exception
    when others then
        raise notice 'No trigram indexes for customer search (%): substring searches read every customer', sqlerrm;
end
$$;
