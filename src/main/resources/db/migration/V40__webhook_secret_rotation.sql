-- organizations: the webhook signing secret replaced last, accepted for a while after a rotation (events signed
-- with it may still be in flight or retried by Stripe).
alter table stripe_accounts add column previous_webhook_secret_ciphertext bytea;
alter table stripe_accounts add column webhook_secret_rotated_at timestamptz;
