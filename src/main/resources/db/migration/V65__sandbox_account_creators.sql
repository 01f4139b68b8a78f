-- Who opened a sandbox account: the name of the person signed in to Paydeck (their email) when they opened it from
-- the sandbox pages or POST /sandbox/accounts; null when it was opened anonymously (a program, sandbox-only mode,
-- an account Paydeck opened for an organization). In the full product the sandbox pages show an account to the
-- person who opened it and to the members of the organization that uses it; in sandbox-only mode to anyone.
alter table sandbox.accounts add column created_by text;

create index accounts_created_by on sandbox.accounts (created_by) where created_by is not null;
