-- Sandbox accounts can simulate Stripe failing, so integrations can test their outage handling:
-- 'unavailable' answers every API request with a 500 api_error without executing it;
-- 'lose_response' executes the request (and keeps its idempotent result) but answers 500, like a response lost
-- on the network.
alter table sandbox.accounts add column fault text not null default 'none'
    check (fault in ('none', 'unavailable', 'lose_response'));
