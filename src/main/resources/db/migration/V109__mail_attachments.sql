-- Files sent with a mail (an invoice's PDF), in the order given; gone with their mail.
create table mail_attachments (
    mail_id       uuid not null references mail_outbox (id) on delete cascade,
    position      int not null,
    filename      text not null,
    content_type  text not null,
    content       bytea not null,
    primary key (mail_id, position)
);
