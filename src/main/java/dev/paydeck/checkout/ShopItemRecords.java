package dev.paydeck.checkout;

import dev.paydeck.shared.Money;
import dev.paydeck.shared.OrganizationId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The {@code shop_items} table. */
@Repository
class ShopItemRecords {

    private final JdbcClient jdbc;
    private final Clock clock;

    ShopItemRecords(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    void insert(OrganizationId organization, ShopItem item, int position) {
        jdbc.sql("""
                insert into shop_items (organization_id, id, title, author, cover_image, amount, currency, position,
                    created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(organization.id(), item.id(), item.title(), item.author(), item.coverImage(),
                        item.price().minor(), item.price().currency().getCurrencyCode(), position,
                        OffsetDateTime.now(clock))
                .update();
    }

    List<ShopItem> list(OrganizationId organization) {
        return jdbc.sql("select * from shop_items where organization_id = ? order by position, title, id")
                .param(organization.id()).query(ShopItemRecords::item).list();
    }

    Optional<ShopItem> find(OrganizationId organization, UUID id) {
        return jdbc.sql("select * from shop_items where organization_id = ? and id = ?")
                .params(organization.id(), id).query(ShopItemRecords::item).optional();
    }

    int count(OrganizationId organization) {
        return jdbc.sql("select count(*) from shop_items where organization_id = ?").param(organization.id())
                .query(Integer.class).single();
    }

    private static ShopItem item(ResultSet rs, int row) throws SQLException {
        return new ShopItem(rs.getObject("id", UUID.class), rs.getString("title"), rs.getString("author"),
                rs.getString("cover_image"), Money.of(rs.getLong("amount"), rs.getString("currency")));
    }
}
