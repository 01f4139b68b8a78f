package dev.paydeck.accounts;

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

/** The {@code api_keys} table: keys by their SHA-256 hash, never their secret. */
@Repository
class ApiKeyRecords {

    /** A key that is not revoked, as a caller, with when it was last used. */
    record ActiveKey(ApiKeyCaller caller, OffsetDateTime lastUsedAt) {
    }

    private static final String COLUMNS = "id, name, prefix, role, created_at, last_used_at, revoked_at";

    private final JdbcClient jdbc;
    private final Clock clock;

    ApiKeyRecords(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    void insert(OrganizationId organization, UUID id, String name, String prefix, String secretHash, Role role,
            PersonId createdBy) {
        jdbc.sql("insert into api_keys (organization_id, id, name, prefix, secret_hash, role, created_by, created_at) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(organization.id(), id, name, prefix, secretHash, role.code(),
                        createdBy == null ? null : createdBy.id(), OffsetDateTime.now(clock))
                .update();
    }

    /** Newest first. */
    List<ApiKeys.ApiKey> list(OrganizationId organization) {
        return jdbc.sql("select " + COLUMNS + " from api_keys where organization_id = ? order by created_at desc")
                .param(organization.id()).query(ApiKeyRecords::row).list();
    }

    Optional<ApiKeys.ApiKey> find(OrganizationId organization, UUID id) {
        return jdbc.sql("select " + COLUMNS + " from api_keys where organization_id = ? and id = ?")
                .params(organization.id(), id).query(ApiKeyRecords::row).optional();
    }

    /** Revokes the key (keeping the first revocation time); false when the organization has no such key. */
    boolean revoke(OrganizationId organization, UUID id) {
        return jdbc.sql("update api_keys set revoked_at = coalesce(revoked_at, ?) "
                        + "where organization_id = ? and id = ?")
                .params(OffsetDateTime.now(clock), organization.id(), id).update() == 1;
    }

    Optional<ActiveKey> activeByHash(String secretHash) {
        return jdbc.sql("select organization_id, id, name, role, last_used_at from api_keys "
                        + "where secret_hash = ? and revoked_at is null")
                .param(secretHash)
                .query((rs, row) -> new ActiveKey(new ApiKeyCaller(
                        new OrganizationId(rs.getObject("organization_id", UUID.class)),
                        rs.getObject("id", UUID.class), rs.getString("name"), Role.fromCode(rs.getString("role"))),
                        rs.getObject("last_used_at", OffsetDateTime.class)))
                .optional();
    }

    void markUsed(ApiKeyCaller caller) {
        jdbc.sql("update api_keys set last_used_at = ? where organization_id = ? and id = ?")
                .params(OffsetDateTime.now(clock), caller.organization().id(), caller.keyId()).update();
    }

    private static ApiKeys.ApiKey row(ResultSet rs, int row) throws SQLException {
        return new ApiKeys.ApiKey(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("prefix"),
                Role.fromCode(rs.getString("role")), rs.getObject("created_at", OffsetDateTime.class),
                rs.getObject("last_used_at", OffsetDateTime.class), rs.getObject("revoked_at", OffsetDateTime.class));
    }
}
