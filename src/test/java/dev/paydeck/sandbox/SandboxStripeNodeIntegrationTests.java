package dev.paydeck.sandbox;

import dev.paydeck.support.SandboxTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Optional: stripe-node, configured by host, port and protocol alone (it cannot add a path prefix), against the
 * sandbox's API port. Runs when {@code node} is installed and so is stripe-node
 * ({@code npm install --prefix src/test/node}); skipped otherwise. {@link SandboxApiPortIntegrationTests} checks the
 * same port with stripe-java in every build.
 */
class SandboxStripeNodeIntegrationTests extends SandboxTest {

    private static final Path CHECK = Path.of("src", "test", "node");

    @Value("${paydeck.sandbox.port}")
    int apiPort;

    @Test
    void stripeNodeConfiguredByHostAndPortWorksAgainstTheApiPort() throws Exception {
        assumeTrue(Files.isDirectory(CHECK.resolve("node_modules/stripe")),
                "stripe-node is not installed (npm install --prefix src/test/node)");
        assumeTrue(nodeRuns(), "node is not installed");

        ProcessBuilder builder = new ProcessBuilder("node", "stripe-node-check.mjs").directory(CHECK.toFile())
                .redirectError(ProcessBuilder.Redirect.INHERIT);
        builder.environment().put("STRIPE_KEY", secretKey);
        builder.environment().put("SANDBOX_PORT", String.valueOf(apiPort));
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();

        var seen = JSON.readTree(output.strip().lines().reduce((first, last) -> last).orElseThrow());
        assertThat(seen.get("customer").asString()).startsWith("cus_");
        assertThat(seen.get("status").asString()).isEqualTo("succeeded");
        assertThat(seen.get("listed").size()).isEqualTo(1);
        assertThat(seen.get("latestChargeAmount").asLong()).isEqualTo(2500L);
        assertThat(seen.at("/error/statusCode").asInt()).isEqualTo(404);
        assertThat(seen.at("/error/code").asString()).isEqualTo("resource_missing");
        assertThat(seen.at("/error/type").asString()).isEqualTo("StripeInvalidRequestError");
    }

    private static boolean nodeRuns() {
        try {
            Process process = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            return process.waitFor(10, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
