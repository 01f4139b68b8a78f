package dev.paydeck.platform.web;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Asks the database whether it answers, for the health summary. Not a {@code *Records} class: it reads no table, and
 * the health endpoint is the one controller that must know about the database itself.
 */
@Component
class DatabaseCheck {

    private final JdbcClient jdbc;

    DatabaseCheck(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** False on any failure (no connection, a timeout): the caller reports the instance DOWN, it does not fail. */
    boolean answers() {
        try {
            return jdbc.sql("select 1").query(Integer.class).single() == 1;
        } catch (RuntimeException e) {
            return false;
        }
    }
}
