-- Accounts opened for Paydeck's own organizations are unlisted: the sandbox pages, which anyone reaching this
-- instance can open, neither list them nor show their keys. Whoever opened one holds its keys.
alter table sandbox.accounts add column listed boolean not null default true;
