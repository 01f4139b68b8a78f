package dev.paydeck.sandbox.api;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** The {@code sandbox.accounts} table, and the deletion of an account's data from the sandbox's other tables. */
@Repository
class SandboxAccountRecords {

    private static final String COLUMNS =
            "id, name, secret_key, publishable_key, fault, listed, country, default_currency, email, created_by";

    private final JdbcClient jdbc;

    SandboxAccountRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(SandboxAccount account) {
        jdbc.sql("""
                        insert into sandbox.accounts (id, name, secret_key, publishable_key, listed, country,
                                                      default_currency, email, created_by)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(account.id(), account.name(), account.secretKey(), account.publishableKey(), account.listed(),
                        account.country(), account.defaultCurrency(), account.email(), account.createdBy())
                .update();
    }

    /** The account with this secret ({@code sk_}) or publishable ({@code pk_}) key. */
    Optional<SandboxAccount> byKey(String key) {
        String column = key.startsWith("pk_") ? "publishable_key" : "secret_key";
        return jdbc.sql("select " + COLUMNS + " from sandbox.accounts where " + column + " = ?")
                .param(key).query(SandboxAccount.class).optional();
    }

    Optional<SandboxAccount> byId(String id) {
        return jdbc.sql("select " + COLUMNS + " from sandbox.accounts where id = ?")
                .param(id).query(SandboxAccount.class).optional();
    }

    /** Oldest first. */
    List<SandboxAccount> listed() {
        return jdbc.sql("select " + COLUMNS + " from sandbox.accounts where listed order by created_at, id")
                .query(SandboxAccount.class).list();
    }

    /** When the account was opened, in Unix seconds (Stripe's {@code account.created}). */
    Optional<Long> created(String id) {
        return jdbc.sql("select extract(epoch from created_at)::bigint from sandbox.accounts where id = ?")
                .param(id).query(Long.class).optional();
    }

    /** The accounts with one of these publishable keys or opened by this person (when not null), oldest first. */
    List<SandboxAccount> withKeysOrCreator(Collection<String> publishableKeys, String creator) {
        return jdbc.sql("select " + COLUMNS + " from sandbox.accounts where publishable_key = any(?) "
                        + "or (?::text is not null and created_by = ?) order by created_at, id")
                .params(publishableKeys.toArray(String[]::new), creator, creator)
                .query(SandboxAccount.class).list();
    }

    void updateFault(String accountId, String fault) {
        jdbc.sql("update sandbox.accounts set fault = ? where id = ?").params(fault, accountId).update();
    }

    /** Deletes the account's attempts, deliveries, objects, idempotency keys and logged requests (not the account). */
    void deleteData(String accountId) {
        jdbc.sql("delete from sandbox.webhook_attempts where account_id = ?").param(accountId).update();
        jdbc.sql("delete from sandbox.webhook_deliveries where account_id = ?").param(accountId).update();
        jdbc.sql("delete from sandbox.objects where account_id = ?").param(accountId).update();
        jdbc.sql("delete from sandbox.idempotency_keys where account_id = ?").param(accountId).update();
        jdbc.sql("delete from sandbox.request_log where account_id = ?").param(accountId).update();
    }
}
