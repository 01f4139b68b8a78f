-- How the first payment of a subscription is taken: null, Stripe's default (the customer's saved card), or
-- 'default_incomplete' (the subscription waits, incomplete, for the customer to pay its first invoice with the
-- Payment Element: the pricing page's checkout). Kept so that a create re-sent by the janitor is the same call.
alter table subscriptions add column payment_behavior text check (payment_behavior in ('default_incomplete'));
