package dev.paydeck.organizations;

import com.stripe.StripeClient;
import dev.paydeck.shared.OrganizationId;
import com.stripe.exception.ApiConnectionException;
import com.stripe.exception.CardException;
import com.stripe.model.Customer;
import com.stripe.param.CustomerCreateParams;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Paydeck's HTTP transport for stripe-java, against a small local HTTP server that answers as Stripe would. */
class StripeTransportTests {

    private record Seen(String method, String path, Map<String, List<String>> headers, String body) {
    }

    private HttpServer server;
    private final List<Seen> seen = new CopyOnWriteArrayList<>();
    private volatile int status = 200;
    private volatile String answer = "{}";

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            seen.add(new Seen(exchange.getRequestMethod(), exchange.getRequestURI().toString(),
                    exchange.getRequestHeaders(),
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
            byte[] body = answer.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.getResponseHeaders().add("Request-Id", "req_transport_test");
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    private StripeClient client(String apiBase) {
        return StripeClient.builder().setApiKey("sk_test_transport").setApiBase(apiBase).setMaxNetworkRetries(0)
                .setConnectTimeout(2_000).setReadTimeout(2_000)
                .setHttpClient(new StripeTransport(OrganizationId.random(), new StripeCallLog(null))).build();
    }

    private String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @Test
    void sendsTheRequestAsStripeJavaWouldAndReadsTheAnswer() throws Exception {
        answer = "{\"id\":\"cus_1\",\"object\":\"customer\",\"email\":\"ada@example.com\"}";

        Customer customer = client(base()).v1().customers().create(CustomerCreateParams.builder()
                .setEmail("ada@example.com").build());

        assertThat(customer.getId()).isEqualTo("cus_1");
        assertThat(customer.getEmail()).isEqualTo("ada@example.com");
        assertThat(customer.getLastResponse().requestId()).isEqualTo("req_transport_test");
        Seen request = seen.getFirst();
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo("/v1/customers");
        assertThat(request.body()).isEqualTo("email=ada%40example.com");
        assertThat(request.headers().get("Authorization")).containsExactly("Bearer sk_test_transport");
        assertThat(request.headers().get("Content-type").getFirst()).startsWith("application/x-www-form-urlencoded");
        assertThat(request.headers().get("User-agent").getFirst()).startsWith("Stripe/v1 JavaBindings/");
        assertThat(request.headers().get("X-stripe-client-user-agent").getFirst()).contains("\"lang\":\"Java\"");
        assertThat(request.headers()).containsKey("Stripe-version");
    }

    @Test
    void aCardErrorsBodyIsReadFromTheErrorStream() {
        status = 402;
        answer = "{\"error\":{\"type\":\"card_error\",\"code\":\"card_declined\",\"decline_code\":\"insufficient_funds\","
                + "\"message\":\"Your card has insufficient funds.\"}}";

        assertThatThrownBy(() -> client(base()).v1().customers().retrieve("cus_1"))
                .isInstanceOfSatisfying(CardException.class, error -> {
                    assertThat(error.getStatusCode()).isEqualTo(402);
                    assertThat(error.getDeclineCode()).isEqualTo("insufficient_funds");
                    assertThat(error.getMessage()).contains("Your card has insufficient funds.");
                });
        assertThat(seen.getFirst().method()).isEqualTo("GET");
        assertThat(seen.getFirst().path()).isEqualTo("/v1/customers/cus_1");
    }

    @Test
    void nothingListeningIsAConnectionError() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }

        assertThatThrownBy(() -> client("http://127.0.0.1:" + closedPort).v1().customers().retrieve("cus_1"))
                .isInstanceOf(ApiConnectionException.class)
                .hasMessageContaining("IOException during API request to Stripe");
    }
}
