package dev.paydeck.platform.database;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DatabaseLocationTests {

    @Test
    void describesAnExternalDatabaseWithoutItsPassword() {
        var location = DatabaseLocation.external(
                "jdbc:postgresql://db.example:5432/paydeck?user=pay&password=hunter2-secret&ssl=true", "pay",
                "other-secret");

        assertThat(location.isEmbedded()).isFalse();
        assertThat(location.describe()).doesNotContain("hunter2-secret", "other-secret")
                .contains("db.example:5432/paydeck").contains("ssl=true");
    }

    @Test
    void hidesUserInfoInTheUrl() {
        assertThat(DatabaseLocation.redact("jdbc:postgresql://pay:s3cret@db:5432/paydeck"))
                .isEqualTo("jdbc:postgresql://***@db:5432/paydeck");
    }

    @Test
    void blankCredentialsMeanNone() {
        var location = DatabaseLocation.external(" jdbc:postgresql://db/paydeck ", " ", "");

        assertThat(location.jdbcUrl()).isEqualTo("jdbc:postgresql://db/paydeck");
        assertThat(location.user()).isNull();
        assertThat(location.password()).isNull();
    }
}
