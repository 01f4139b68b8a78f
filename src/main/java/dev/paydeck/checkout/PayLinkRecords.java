package dev.paydeck.checkout;

import dev.paydeck.payments.PaymentId;
import dev.paydeck.shared.OrganizationId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

/** The {@code pay_links} table. */
@Repository
class PayLinkRecords {

    private final JdbcClient jdbc;
    private final Clock clock;

    PayLinkRecords(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The payment's link: this one if it has none yet, else the one it has (a repeated request adds nothing). */
    PayLink insertOrGet(OrganizationId organization, PaymentId payment, String token, String source) {
        jdbc.sql("""
                insert into pay_links (organization_id, token, payment_id, source, created_at)
                values (?, ?, ?, ?, ?) on conflict (organization_id, payment_id) do nothing""")
                .params(organization.id(), token, payment.id(), source, OffsetDateTime.now(clock)).update();
        return jdbc.sql("select * from pay_links where organization_id = ? and payment_id = ?")
                .params(organization.id(), payment.id()).query(PayLinkRecords::link).single();
    }

    Optional<PayLink> byToken(String token) {
        return jdbc.sql("select * from pay_links where token = ?").param(token).query(PayLinkRecords::link)
                .optional();
    }

    private static PayLink link(ResultSet rs, int row) throws SQLException {
        return new PayLink(new OrganizationId(rs.getObject("organization_id", UUID.class)),
                new PaymentId(rs.getObject("payment_id", UUID.class)), rs.getString("token"));
    }
}
