-- Each webhook attempt is recorded in the statement that updates its delivery, so the foreign key to
-- sandbox.webhook_deliveries only made every attempt check and share-lock a row that the same statement is
-- updating. Deliveries are deleted only with their account's data, after its attempts (SandboxAccounts.reset).
alter table sandbox.webhook_attempts drop constraint webhook_attempts_delivery_id_fkey;
