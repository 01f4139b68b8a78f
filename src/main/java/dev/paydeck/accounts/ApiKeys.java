package dev.paydeck.accounts;

import dev.paydeck.platform.ApiAuthenticator;
import dev.paydeck.shared.OrganizationId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.stereotype.Service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * API keys of organizations, for machines: {@code pd_test_…} / {@code pd_live_…}, shown once at creation, stored
 * only as a SHA-256 hash (they are long random secrets, so a fast hash is enough and keeps every API call cheap),
 * named, revocable, with their last-used time.
 */
@Service
public class ApiKeys implements ApiAuthenticator {

    /** A key as listed (never its secret). */
    public record ApiKey(UUID id, String name, String prefix, Role role, OffsetDateTime createdAt,
                         OffsetDateTime lastUsedAt, OffsetDateTime revokedAt) {
    }

    /** A new key, with the secret shown this one time. */
    public record CreatedApiKey(ApiKey key, String secret) {
    }

    private static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;

    ApiKeys(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public CreatedApiKey create(OrganizationId organization, String name, Role role, boolean live, PersonId by) {
        if (role == Role.OWNER) {
            throw new IllegalArgumentException("API keys cannot be owners");
        }
        StringBuilder random = new StringBuilder();
        for (int i = 0; i < 40; i++) {
            random.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        String secret = (live ? "pd_live_" : "pd_test_") + random;
        UUID id = UUID.randomUUID();
        String prefix = secret.substring(0, 12);
        jdbc.sql("insert into api_keys (organization_id, id, name, prefix, secret_hash, role, created_by) "
                        + "values (?, ?, ?, ?, ?, ?, ?)")
                .params(organization.id(), id, name, prefix, hash(secret), role.code(), by == null ? null : by.id())
                .update();
        return new CreatedApiKey(find(organization, id).orElseThrow(), secret);
    }

    public List<ApiKey> list(OrganizationId organization) {
        return jdbc.sql("select id, name, prefix, role, created_at, last_used_at, revoked_at from api_keys "
                        + "where organization_id = ? order by created_at desc")
                .param(organization.id()).query(ApiKeys::row).list();
    }

    public Optional<ApiKey> find(OrganizationId organization, UUID id) {
        return jdbc.sql("select id, name, prefix, role, created_at, last_used_at, revoked_at from api_keys "
                        + "where organization_id = ? and id = ?")
                .params(organization.id(), id).query(ApiKeys::row).optional();
    }

    /** Revokes a key of this organization; false when it has no such key. */
    public boolean revoke(OrganizationId organization, UUID id) {
        return jdbc.sql("update api_keys set revoked_at = coalesce(revoked_at, now()) "
                        + "where organization_id = ? and id = ?")
                .params(organization.id(), id).update() == 1;
    }

    @Override
    public Optional<Authentication> authenticate(String bearerCredential) {
        if (!bearerCredential.startsWith("pd_test_") && !bearerCredential.startsWith("pd_live_")) {
            return Optional.empty();
        }
        return jdbc.sql("select organization_id, id, name, role, last_used_at from api_keys "
                        + "where secret_hash = ? and revoked_at is null")
                .param(hash(bearerCredential))
                .query((rs, row) -> {
                    ApiKeyCaller caller = new ApiKeyCaller(
                            new OrganizationId(rs.getObject("organization_id", UUID.class)),
                            rs.getObject("id", UUID.class), rs.getString("name"), Role.fromCode(rs.getString("role")));
                    touch(caller, rs.getObject("last_used_at", OffsetDateTime.class));
                    return caller;
                })
                .optional()
                .map(caller -> UsernamePasswordAuthenticationToken.authenticated(caller, null,
                        AuthorityUtils.createAuthorityList("ROLE_API_KEY")));
    }

    /** Keeps "last used" to the minute, so busy keys don't cost a write on every call. */
    private void touch(ApiKeyCaller caller, OffsetDateTime lastUsed) {
        if (lastUsed == null || lastUsed.isBefore(OffsetDateTime.now().minusMinutes(1))) {
            jdbc.sql("update api_keys set last_used_at = now() where organization_id = ? and id = ?")
                    .params(caller.organization().id(), caller.keyId()).update();
        }
    }

    private static ApiKey row(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new ApiKey(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("prefix"),
                Role.fromCode(rs.getString("role")), rs.getObject("created_at", OffsetDateTime.class),
                rs.getObject("last_used_at", OffsetDateTime.class), rs.getObject("revoked_at", OffsetDateTime.class));
    }

    static String hash(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
