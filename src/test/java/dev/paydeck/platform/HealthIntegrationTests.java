package dev.paydeck.platform;

import dev.paydeck.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HealthIntegrationTests extends IntegrationTest {

    @Test
    void healthSaysWhatRunsWithoutAuthentication() {
        var response = get("/health", "application/json");

        assertThat(response.statusCode()).isEqualTo(200);
        var health = json(response);
        assertThat(health.get("status").asString()).isEqualTo("UP");
        assertThat(health.get("version").asString()).isNotBlank();
        assertThat(health.get("database").asString()).isEqualTo("external");
        // "test" once another test of the run has made an organization with test-mode keys.
        assertThat(health.get("stripe").asString()).isIn("sandbox", "test");
        assertThat(health.get("webhooks_enabled").asBoolean()).isTrue();
    }

    @Test
    void actuatorHealthAndPrometheusArePublic() {
        var health = get("/actuator/health", "application/json");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(json(health).get("status").asString()).isEqualTo("UP");

        var metrics = get("/actuator/prometheus", "text/plain");
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("jvm_memory_used_bytes").contains("http_server_requests");
    }

    @Test
    void apiDocsArePublic() {
        var docs = get("/v3/api-docs", "application/json");
        assertThat(docs.statusCode()).isEqualTo(200);
        assertThat(json(docs).get("openapi").asString()).startsWith("3.");
        assertThat(json(docs).get("paths").has("/health")).isTrue();

        var swagger = get("/docs", "text/html");
        assertThat(swagger.statusCode()).isIn(200, 302);
        assertThat(get("/swagger-ui/index.html", "text/html").body()).contains("swagger-ui");
    }
}
