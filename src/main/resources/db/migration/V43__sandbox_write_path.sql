-- Lists filter objects by a few top-level fields (customer, email, payment_intent, charge). A GIN index over every
-- document made each write of an object index all of its fields; these indexes cover only what lists filter on.
drop index sandbox.objects_data;
create index objects_by_customer on sandbox.objects (account_id, object, (data->>'customer'))
    where data->>'customer' is not null;
create index objects_by_email on sandbox.objects (account_id, (data->>'email'))
    where object = 'customer';
create index objects_by_payment_intent on sandbox.objects (account_id, object, (data->>'payment_intent'))
    where data->>'payment_intent' is not null;
create index objects_by_charge on sandbox.objects (account_id, (data->>'charge'))
    where object = 'refund';
-- Objects are a few kilobytes of JSON: kept inline and uncompressed (no TOAST compression on every write).
alter table sandbox.objects set (toast_tuple_target = 8160);
-- Sandbox accounts are never deleted (a reset deletes their data explicitly), and every write names an account
-- its API key was just checked against. The foreign keys to sandbox.accounts only made each write share-lock the
-- account's row, which under load from many connections turns into multixact churn on one hot row.
alter table sandbox.objects drop constraint objects_account_id_fkey;
alter table sandbox.idempotency_keys drop constraint idempotency_keys_account_id_fkey;
alter table sandbox.webhook_deliveries drop constraint webhook_deliveries_account_id_fkey;
alter table sandbox.webhook_attempts drop constraint webhook_attempts_account_id_fkey;
