package dev.paydeck.sandbox.account;

import dev.paydeck.sandbox.api.SandboxAccount;
import tools.jackson.databind.node.ObjectNode;

/** An Account as Stripe renders a business's own activated standard account. */
final class AccountJson {

    private AccountJson() {
    }

    static ObjectNode render(ObjectNode node, SandboxAccount account, long created, int payoutDelayDays) {
        node.put("id", account.id());
        node.put("object", "account");
        ObjectNode profile = node.putObject("business_profile");
        profile.putNull("mcc");
        profile.put("name", account.name());
        profile.putNull("product_description");
        profile.putNull("support_address");
        nullable(profile, "support_email", account.email());
        profile.putNull("support_phone");
        profile.putNull("support_url");
        profile.putNull("url");
        node.putNull("business_type");
        ObjectNode capabilities = node.putObject("capabilities");
        capabilities.put("card_payments", "active");
        capabilities.put("transfers", "active");
        node.put("charges_enabled", true);
        node.put("country", account.country());
        node.put("created", created);
        node.put("default_currency", account.defaultCurrency());
        node.put("details_submitted", true);
        nullable(node, "email", account.email());
        ObjectNode external = node.putObject("external_accounts");
        external.put("object", "list");
        external.putArray("data");
        external.put("has_more", false);
        external.put("url", "/v1/accounts/" + account.id() + "/external_accounts");
        node.putObject("metadata");
        node.put("payouts_enabled", true);
        ObjectNode settings = node.putObject("settings");
        ObjectNode branding = settings.putObject("branding");
        branding.putNull("icon");
        branding.putNull("logo");
        branding.putNull("primary_color");
        branding.putNull("secondary_color");
        ObjectNode cardPayments = settings.putObject("card_payments");
        // As the sandbox's test cards behave: a failed CVC check declines, failed address checks do not.
        ObjectNode declineOn = cardPayments.putObject("decline_on");
        declineOn.put("avs_failure", false);
        declineOn.put("cvc_failure", true);
        cardPayments.putNull("statement_descriptor_prefix");
        cardPayments.putNull("statement_descriptor_prefix_kana");
        cardPayments.putNull("statement_descriptor_prefix_kanji");
        ObjectNode dashboard = settings.putObject("dashboard");
        dashboard.put("display_name", account.name());
        dashboard.put("timezone", "Etc/UTC");
        ObjectNode payments = settings.putObject("payments");
        payments.put("statement_descriptor", "SANDBOX");
        payments.putNull("statement_descriptor_kana");
        payments.putNull("statement_descriptor_kanji");
        ObjectNode payouts = settings.putObject("payouts");
        payouts.put("debit_negative_balances", true);
        ObjectNode schedule = payouts.putObject("schedule");
        schedule.put("delay_days", payoutDelayDays);
        schedule.put("interval", "daily");
        payouts.putNull("statement_descriptor");
        node.put("type", "standard");
        return node;
    }

    private static void nullable(ObjectNode node, String field, String value) {
        if (value == null) {
            node.putNull(field);
        } else {
            node.put(field, value);
        }
    }
}
