package dev.paydeck.accounts;

import dev.paydeck.platform.ApiAuthenticator;
import dev.paydeck.shared.OrganizationId;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.stereotype.Service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
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

    private final ApiKeyRecords records;
    private final Clock clock;

    ApiKeys(ApiKeyRecords records, Clock clock) {
        this.clock = clock;
        this.records = records;
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
        records.insert(organization, id, name, prefix, hash(secret), role, by);
        return new CreatedApiKey(find(organization, id).orElseThrow(), secret);
    }

    public List<ApiKey> list(OrganizationId organization) {
        return records.list(organization);
    }

    public Optional<ApiKey> find(OrganizationId organization, UUID id) {
        return records.find(organization, id);
    }

    /** Revokes a key of this organization; false when it has no such key. */
    public boolean revoke(OrganizationId organization, UUID id) {
        return records.revoke(organization, id);
    }

    @Override
    public Optional<Authentication> authenticate(String bearerCredential) {
        if (!bearerCredential.startsWith("pd_test_") && !bearerCredential.startsWith("pd_live_")) {
            return Optional.empty();
        }
        return records.activeByHash(hash(bearerCredential))
                .map(active -> {
                    touch(active.caller(), active.lastUsedAt());
                    return active.caller();
                })
                .map(caller -> UsernamePasswordAuthenticationToken.authenticated(caller, null,
                        AuthorityUtils.createAuthorityList("ROLE_API_KEY")));
    }

    /** Keeps "last used" to the minute, so busy keys don't cost a write on every call. */
    private void touch(ApiKeyCaller caller, OffsetDateTime lastUsed) {
        if (lastUsed == null || lastUsed.isBefore(OffsetDateTime.now(clock).minusMinutes(1))) {
            records.markUsed(caller);
        }
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
