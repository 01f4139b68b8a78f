package dev.paydeck.support;

import dev.paydeck.platform.ApiAuthenticator;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;
import java.util.Optional;

/**
 * Test-only API surface for the foundation's error handling: a bearer credential the tests hold, and an endpoint
 * that validates a JSON body (and one that fails unexpectedly). Real credentials and endpoints come with accounts.
 */
@TestConfiguration(proxyBeanMethods = false)
public class ApiTestSupport {

    public static final String TEST_CREDENTIAL = "test-credential-for-the-foundation";

    /** The business clock, which tests may move forward. */
    @Bean
    @Primary
    MovableClock movableClock() {
        return new MovableClock();
    }

    @Bean
    ApiAuthenticator testCredentialAuthenticator() {
        return credential -> TEST_CREDENTIAL.equals(credential)
                ? Optional.of(new UsernamePasswordAuthenticationToken("tester", null,
                        AuthorityUtils.createAuthorityList("ROLE_TESTER")))
                : Optional.empty();
    }

    record Order(@NotBlank String description, @Positive long amount, @Email String receiptEmail) {
    }

    /** Registered as a member class of this test configuration. */
    @RestController
    static class EchoController {

        @PostMapping("/api/test/orders")
        Order create(@Valid @RequestBody Order order) {
            return order;
        }

        @GetMapping("/api/test/boom")
        Map<String, String> boom() {
            throw new IllegalStateException("secret internal detail sk_test_should_never_leak");
        }
    }
}
