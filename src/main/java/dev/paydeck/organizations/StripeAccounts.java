package dev.paydeck.organizations;

import dev.paydeck.shared.OrganizationId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The {@code stripe_accounts} table: one Stripe account per organization, secrets encrypted. */
@Repository
class StripeAccounts {

    /** What the table holds for an organization, secrets still sealed. */
    record Stored(OrganizationId organization, String source, StripeMode mode, String publishableKey,
                  byte[] secretKeyCiphertext, String secretKeyHint, byte[] webhookSecretCiphertext,
                  String webhookEndpointId, String webhookStatus, String webhookMessage, String checkStatus,
                  String checkMessage, OffsetDateTime checkedAt, OffsetDateTime updatedAt) {

        Organization.StripeAccount view() {
            return new Organization.StripeAccount(source, mode, publishableKey, secretKeyHint, checkStatus,
                    checkMessage, checkedAt, webhookStatus, webhookMessage, webhookEndpointId);
        }
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    StripeAccounts(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    void save(OrganizationId organization, String source, StripeMode mode, String publishableKey,
            byte[] secretKeyCiphertext, String secretKeyHint, byte[] webhookSecretCiphertext) {
        jdbc.sql("""
                insert into stripe_accounts (organization_id, source, mode, publishable_key, secret_key_ciphertext,
                    secret_key_hint, webhook_secret_ciphertext, webhook_status, check_status, updated_at)
                values (:organization, :source, :mode, :publishable, :secret, :hint, :webhook,
                    case when :webhook::bytea is null then 'not_registered' else 'manual_secret' end, 'unchecked',
                    :now)
                on conflict (organization_id) do update set
                    source = excluded.source, mode = excluded.mode, publishable_key = excluded.publishable_key,
                    secret_key_ciphertext = excluded.secret_key_ciphertext, secret_key_hint = excluded.secret_key_hint,
                    webhook_secret_ciphertext = excluded.webhook_secret_ciphertext,
                    previous_webhook_secret_ciphertext = case when excluded.webhook_secret_ciphertext is null
                        then stripe_accounts.previous_webhook_secret_ciphertext
                        else stripe_accounts.webhook_secret_ciphertext end,
                    webhook_secret_rotated_at = case when excluded.webhook_secret_ciphertext is null
                        then stripe_accounts.webhook_secret_rotated_at else :now end,
                    webhook_status = excluded.webhook_status, webhook_message = null,
                    webhook_endpoint_id = case when stripe_accounts.mode = excluded.mode
                        then stripe_accounts.webhook_endpoint_id end,
                    check_status = 'unchecked', check_message = null, checked_at = null, updated_at = :now""")
                .param("organization", organization.id()).param("source", source).param("mode", mode.code())
                .param("publishable", publishableKey).param("secret", secretKeyCiphertext)
                .param("hint", secretKeyHint).param("webhook", webhookSecretCiphertext)
                .param("now", OffsetDateTime.now(clock))
                .update();
    }

    Optional<Stored> find(OrganizationId organization) {
        return jdbc.sql("select * from stripe_accounts where organization_id = ?").param(organization.id())
                .query((rs, row) -> new Stored(new OrganizationId(rs.getObject("organization_id", UUID.class)),
                        rs.getString("source"), StripeMode.fromCode(rs.getString("mode")),
                        rs.getString("publishable_key"), rs.getBytes("secret_key_ciphertext"),
                        rs.getString("secret_key_hint"), rs.getBytes("webhook_secret_ciphertext"),
                        rs.getString("webhook_endpoint_id"), rs.getString("webhook_status"),
                        rs.getString("webhook_message"), rs.getString("check_status"), rs.getString("check_message"),
                        rs.getObject("checked_at", OffsetDateTime.class),
                        rs.getObject("updated_at", OffsetDateTime.class)))
                .optional();
    }

    /** The webhook signing secrets, still sealed: the current one, and the one it replaced with when. */
    record SealedWebhookSecrets(byte[] current, byte[] previous, OffsetDateTime rotatedAt) {
    }

    Optional<SealedWebhookSecrets> webhookSecrets(OrganizationId organization) {
        return jdbc.sql("select webhook_secret_ciphertext, previous_webhook_secret_ciphertext, "
                        + "webhook_secret_rotated_at from stripe_accounts where organization_id = ?")
                .param(organization.id())
                .query((rs, row) -> new SealedWebhookSecrets(rs.getBytes(1), rs.getBytes(2),
                        rs.getObject(3, OffsetDateTime.class)))
                .optional();
    }

    void recordCheck(OrganizationId organization, String status, String message) {
        jdbc.sql("update stripe_accounts set check_status = ?, check_message = ?, checked_at = ? "
                        + "where organization_id = ?")
                .params(status, message, OffsetDateTime.now(clock), organization.id()).update();
    }

    void recordWebhook(OrganizationId organization, String status, String message, String endpointId,
            byte[] secretCiphertext) {
        jdbc.sql("""
                update stripe_accounts set webhook_status = ?, webhook_message = ?,
                    webhook_endpoint_id = coalesce(?, webhook_endpoint_id),
                    previous_webhook_secret_ciphertext = case when ?::bytea is null
                        then previous_webhook_secret_ciphertext else webhook_secret_ciphertext end,
                    webhook_secret_rotated_at = case when ?::bytea is null then webhook_secret_rotated_at else ? end,
                    webhook_secret_ciphertext = coalesce(?, webhook_secret_ciphertext)
                where organization_id = ?""")
                .params(status, message, endpointId, secretCiphertext, secretCiphertext, OffsetDateTime.now(clock),
                        secretCiphertext, organization.id()).update();
    }

    /** Every organization with Stripe keys (its own or a sandbox account's). */
    List<OrganizationId> organizations() {
        return jdbc.sql("select organization_id from stripe_accounts order by organization_id").query(UUID.class)
                .list().stream().map(OrganizationId::new).toList();
    }

    /**
     * The publishable keys of the sandbox accounts Paydeck opened for these organizations (source {@code sandbox}),
     * by organization; organizations with keys of their own are left out.
     */
    Map<OrganizationId, String> sandboxPublishableKeys(List<OrganizationId> organizations) {
        Map<OrganizationId, String> keys = new LinkedHashMap<>();
        if (organizations.isEmpty()) {
            return keys;
        }
        jdbc.sql("select organization_id, publishable_key from stripe_accounts where source = 'sandbox' "
                        + "and organization_id in (:organizations)")
                .param("organizations", organizations.stream().map(OrganizationId::id).toList())
                .query((rs, row) -> Map.entry(new OrganizationId(rs.getObject(1, UUID.class)), rs.getString(2)))
                .list().forEach(entry -> keys.put(entry.getKey(), entry.getValue()));
        return keys;
    }

    List<StripeMode> modes() {
        return jdbc.sql("select mode from stripe_accounts").query(String.class).list().stream()
                .map(StripeMode::fromCode).toList();
    }
}
