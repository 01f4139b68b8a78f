package dev.paydeck.sandbox.api;

import jakarta.servlet.ServletRequest;
import org.apache.catalina.connector.Connector;
import org.apache.coyote.AbstractProtocol;
import org.apache.coyote.ProtocolHandler;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.boot.tomcat.TomcatProtocolHandlerCustomizer;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import tools.jackson.databind.json.JsonMapper;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * The sandbox's Stripe API also at the root of a port of its own ({@code paydeck.sandbox.port}, default 12111 as
 * Stripe's stripe-mock; bound to {@code paydeck.sandbox.address}, default 127.0.0.1), for SDKs whose configuration
 * takes only host, port and protocol (stripe-node): {@code http://127.0.0.1:12111/v1/customers} is
 * {@code /sandbox/v1/customers}. A second Tomcat connector; on its port the {@link ApiPortGuard} lets only
 * {@code /v1/...} through, to the same {@link SandboxApiFilter}, and answers anything else with Stripe's 404 before
 * the rest of Paydeck sees it.
 */
public final class ApiPort {

    /** Set on a request that came in on the API port: the main port, where the hosted pages are. */
    static final String MAIN_PORT = ApiPort.class.getName() + ".mainPort";

    private ApiPort() {
    }

    /**
     * The API's address on its port, e.g. {@code http://127.0.0.1:12111}, to show to people; null when the port is
     * off. An address that listens everywhere is shown as localhost.
     */
    public static String url(int port, String address) {
        if (port <= 0) {
            return null;
        }
        String host = address == null || address.isBlank() || address.equals("0.0.0.0") || address.equals("::")
                ? "localhost" : address.contains(":") ? "[" + address + "]" : address;
        return "http://" + host + ":" + port;
    }

    /** Whether the request came in on the API port (and is then an API request: the guard let it through). */
    public static boolean arrivedOnPort(ServletRequest request) {
        return request.getAttribute(MAIN_PORT) != null;
    }

    /**
     * The second connector, made like the main one: the factory's protocol, URI encoding and customizers (relaxed
     * query characters for {@code expand[]}, form size limits, virtual threads) apply to it too. Runs after
     * Spring Boot's customizers have added theirs.
     */
    static final class Connectors implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

        private final int port;
        private final String address;

        Connectors(int port, String address) {
            this.port = port;
            this.address = address;
        }

        @Override
        public void customize(TomcatServletWebServerFactory factory) {
            if (port <= 0) {
                return;
            }
            Connector connector = new Connector(factory.getProtocol());
            connector.setThrowOnFailure(true);
            connector.setPort(port);
            if (connector.getProtocolHandler() instanceof AbstractProtocol<?> protocol) {
                protocol.setAddress(inetAddress(address));
            }
            connector.setURIEncoding(factory.getUriEncoding().name());
            ProtocolHandler handler = connector.getProtocolHandler();
            for (TomcatProtocolHandlerCustomizer<?> customizer : factory.getProtocolHandlerCustomizers()) {
                customizeHandler(customizer, handler);
            }
            for (TomcatConnectorCustomizer customizer : factory.getConnectorCustomizers()) {
                customizer.customize(connector);
            }
            factory.addAdditionalConnectors(connector);
        }

        @SuppressWarnings({"unchecked", "rawtypes"})
        private static void customizeHandler(TomcatProtocolHandlerCustomizer customizer, ProtocolHandler handler) {
            try {
                customizer.customize(handler);
            } catch (ClassCastException otherProtocol) {
                // A customizer for another kind of protocol handler (as Spring Boot's LambdaSafe skips it).
            }
        }

        private static InetAddress inetAddress(String address) {
            try {
                return InetAddress.getByName(address);
            } catch (UnknownHostException e) {
                throw new IllegalStateException("paydeck.sandbox.address " + address + " is not an address", e);
            }
        }

        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE;
        }
    }

    /**
     * The connector and its guard, with the sandbox on. The guard runs right after the body-size limit
     * ({@code HIGHEST_PRECEDENCE + 10}), before the sandbox-only switch (+ 20), the inbound webhooks (+ 30) and
     * everything else of Paydeck.
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(name = "paydeck.sandbox.enabled", havingValue = "true", matchIfMissing = true)
    static class Registration {

        @Bean
        Connectors sandboxApiConnector(@Value("${paydeck.sandbox.port:12111}") int port,
                @Value("${paydeck.sandbox.address:127.0.0.1}") String address) {
            return new Connectors(port, address);
        }

        @Bean
        FilterRegistrationBean<ApiPortGuard> sandboxApiPortGuard(@Value("${paydeck.sandbox.port:12111}") int port,
                Environment environment, JsonMapper json) {
            var registration = new FilterRegistrationBean<>(new ApiPortGuard(port, environment, json));
            registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 15);
            registration.setEnabled(port > 0);
            return registration;
        }
    }
}
