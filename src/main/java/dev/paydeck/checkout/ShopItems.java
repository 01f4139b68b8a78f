package dev.paydeck.checkout;

import dev.paydeck.shared.Money;
import dev.paydeck.shared.OrganizationId;
import org.springframework.stereotype.Service;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** What each organization's storefront sells, in the order it was added. */
@Service
public class ShopItems {

    private final ShopItemRecords records;

    ShopItems(ShopItemRecords records) {
        this.records = records;
    }

    /** Adds an item at the end of the organization's storefront. */
    public ShopItem add(OrganizationId organization, String title, String author, String coverImage, Money price) {
        if (price.chargeProblem().isPresent()) {
            throw new IllegalArgumentException("The price " + price.chargeProblem().get());
        }
        ShopItem item = new ShopItem(UUID.randomUUID(), title, author, coverImage, price);
        records.insert(organization, item, records.count(organization));
        return item;
    }

    public List<ShopItem> list(OrganizationId organization) {
        return records.list(organization);
    }

    public Optional<ShopItem> find(OrganizationId organization, UUID id) {
        return records.find(organization, id);
    }
}
