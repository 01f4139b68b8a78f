-- accounts: the people who use Paydeck. Global (not tenant) data: one person may belong to many organizations.
create table people (
    id               uuid primary key,
    email            text not null,
    name             text not null,
    password_hash    text not null,
    failed_logins    integer not null default 0,
    locked_until     timestamptz,
    created_at       timestamptz not null default now()
);
create unique index people_email on people (lower(email));
