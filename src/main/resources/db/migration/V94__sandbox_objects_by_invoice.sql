-- Invoice items, credit notes and invoice payments are listed by their invoice (an invoice's lines are its items).
-- Without an index each such list read every object of that kind in the account: a year of renewals on a test clock
-- slowed down with every invoice it had made.
create index objects_by_invoice on sandbox.objects (account_id, object, (data->>'invoice'))
    where data->>'invoice' is not null;
