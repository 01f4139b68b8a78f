-- accounts: who may act in which organization, and the API keys machines use.
create table memberships (
    organization_id  uuid not null,
    person_id        uuid not null references people (id) on delete cascade,
    role             text not null check (role in ('owner', 'admin', 'viewer')),
    created_at       timestamptz not null default now(),
    primary key (organization_id, person_id)
);
create index memberships_person on memberships (person_id);

-- Invitations for emails that have no account yet; taken up when that email signs up.
create table invitations (
    organization_id  uuid not null,
    email            text not null,
    role             text not null check (role in ('owner', 'admin', 'viewer')),
    invited_by       uuid not null,
    created_at       timestamptz not null default now(),
    primary key (organization_id, email)
);
create index invitations_email on invitations (lower(email));

create table api_keys (
    organization_id  uuid not null,
    id               uuid not null,
    name             text not null,
    prefix           text not null,
    secret_hash      text not null unique,
    role             text not null check (role in ('admin', 'viewer')),
    created_by       uuid,
    created_at       timestamptz not null default now(),
    last_used_at     timestamptz,
    revoked_at       timestamptz,
    primary key (organization_id, id)
);
