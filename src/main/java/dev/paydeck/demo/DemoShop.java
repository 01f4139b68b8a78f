package dev.paydeck.demo;

import dev.paydeck.shared.OrganizationId;
import org.springframework.stereotype.Service;

import java.util.Optional;

/** Tells the pages which organization is the Demo Shop (sample data, owned by the first person to sign up). */
@Service
public class DemoShop {

    private final DemoRecords records;

    DemoShop(DemoRecords records) {
        this.records = records;
    }

    /** The Demo Shop made at the first start, if there is one. */
    public Optional<OrganizationId> organization() {
        return records.first();
    }

    /** True when this organization is the Demo Shop made at the first start. */
    public boolean isDemo(OrganizationId organization) {
        return records.isDemo(organization);
    }
}
