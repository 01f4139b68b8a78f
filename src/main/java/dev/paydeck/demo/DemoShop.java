package dev.paydeck.demo;

import dev.paydeck.shared.OrganizationId;
import org.springframework.stereotype.Service;

/** Tells the pages which organization is the Demo Shop (sample data, owned by the first person to sign up). */
@Service
public class DemoShop {

    private final DemoRecords records;

    DemoShop(DemoRecords records) {
        this.records = records;
    }

    /** True when this organization is the Demo Shop made at the first start. */
    public boolean isDemo(OrganizationId organization) {
        return records.isDemo(organization);
    }
}
