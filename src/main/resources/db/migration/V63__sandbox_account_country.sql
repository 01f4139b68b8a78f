-- A sandbox account's country and default currency (Stripe's account.country / default_currency): they decide the
-- fees charged on its payments, when funds become available, and the currency of an empty balance.
-- The email is the account's contact address (account.email), none by default.
alter table sandbox.accounts add column country text not null default 'US';
alter table sandbox.accounts add column default_currency text not null default 'usd';
alter table sandbox.accounts add column email text;
