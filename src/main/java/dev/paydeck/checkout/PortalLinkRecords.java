package dev.paydeck.checkout;

import dev.paydeck.customers.CustomerId;
import dev.paydeck.shared.OrganizationId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

/** The {@code portal_links} table. */
@Repository
class PortalLinkRecords {

    private final JdbcClient jdbc;

    PortalLinkRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(String tokenHash, PortalLink link, Instant now) {
        jdbc.sql("""
                insert into portal_links (token_hash, organization_id, customer_id, return_url, created_at, expires_at)
                values (?, ?, ?, ?, ?, ?)""")
                .params(tokenHash, link.organization().id(), link.customer().id(), link.returnUrl(), utc(now),
                        utc(link.expiresAt())).update();
    }

    /** The link with this token hash, unless it has expired by {@code now}. */
    Optional<PortalLink> valid(String tokenHash, Instant now) {
        return jdbc.sql("select * from portal_links where token_hash = ? and expires_at > ?")
                .params(tokenHash, utc(now)).query(PortalLinkRecords::link).optional();
    }

    /** Forgets the links that expired before {@code before}; how many. */
    int deleteExpired(Instant before) {
        return jdbc.sql("delete from portal_links where expires_at < ?").param(utc(before)).update();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static PortalLink link(ResultSet rs, int row) throws SQLException {
        return new PortalLink(new OrganizationId(rs.getObject("organization_id", UUID.class)),
                new CustomerId(rs.getObject("customer_id", UUID.class)), rs.getString("return_url"),
                rs.getObject("expires_at", OffsetDateTime.class).toInstant());
    }
}
