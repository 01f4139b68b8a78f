package dev.paydeck.sandbox.balance;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.util.List;

/** What the account's balance transactions add up to, and their move from pending to available as time passes. */
@Repository
class BalanceTransactionRecords {

    /** The net amounts of one currency: what is available now and what is still pending. */
    record Totals(String currency, long available, long pending) {
    }

    private final JdbcClient jdbc;

    BalanceTransactionRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Marks {@code available} the account's pending transactions whose {@code available_on} has come. */
    int settle(String accountId, long now) {
        return jdbc.sql("""
                        update sandbox.objects set data = jsonb_set(data, '{status}', '"available"')
                         where account_id = ? and object = 'balance_transaction' and data->>'status' = 'pending'
                           and (data->>'available_on')::bigint <= ?""")
                .params(accountId, now).update();
    }

    /** Per currency (in alphabetical order), the sum of the nets available at {@code now} and still pending. */
    List<Totals> totals(String accountId, long now) {
        return jdbc.sql("""
                        select data->>'currency' as currency,
                               coalesce(sum((data->>'net')::bigint)
                                        filter (where (data->>'available_on')::bigint <= :now), 0) as available,
                               coalesce(sum((data->>'net')::bigint)
                                        filter (where (data->>'available_on')::bigint > :now), 0) as pending
                          from sandbox.objects
                         where account_id = :account and object = 'balance_transaction'
                         group by data->>'currency'
                         order by data->>'currency'""")
                .param("account", accountId).param("now", now)
                .query(Totals.class).list();
    }
}
