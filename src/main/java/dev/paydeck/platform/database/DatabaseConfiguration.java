package dev.paydeck.platform.database;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.paydeck.platform.PaydeckProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import javax.sql.DataSource;

/**
 * The application's one {@link DataSource}: the configured external PostgreSQL, or else an embedded PostgreSQL
 * that this process starts (and stops when the application context closes).
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

    @Bean
    DatabaseLocation databaseLocation(PaydeckProperties properties) {
        PaydeckProperties.Database database = properties.database();
        if (database.embedded()) {
            // Stopped when the application context closes, after everything that uses it.
            EmbeddedPostgresServer server = EmbeddedPostgresServer.start(
                    properties.dataDirectory().resolve("postgres"), database.embeddedPort(), false);
            return DatabaseLocation.embedded(server);
        }
        return DatabaseLocation.external(database.url(), database.user(), database.password());
    }

    @Bean(destroyMethod = "close")
    HikariDataSource dataSource(DatabaseLocation location) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("paydeck");
        config.setJdbcUrl(location.jdbcUrl());
        config.setUsername(location.user());
        config.setPassword(location.password());
        config.setMaximumPoolSize(20);
        location.unixSocket().ifPresent(socket -> {
            config.addDataSourceProperty("socketFactory", UnixDomainSocketFactory.class.getName());
            config.addDataSourceProperty("socketFactoryArg", socket.toString());
        });
        return new HikariDataSource(config);
    }
}
