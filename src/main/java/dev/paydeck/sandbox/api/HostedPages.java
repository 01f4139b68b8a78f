package dev.paydeck.sandbox.api;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Addresses of the sandbox's hosted pages (the 3-D Secure challenge...) for the API request being served: on the
 * host the caller used, at the main port also when the call came in on the API port ({@link ApiPort}), which serves
 * nothing but the API.
 */
public final class HostedPages {

    private HostedPages() {
    }

    /** The main port's address on this host, for work done outside a request (what the wall clock brings due). */
    private static volatile String outsideRequests = "http://localhost:8080";

    /** The main web server is up on this port (and context path). */
    static void serving(int port, String contextPath) {
        outsideRequests = "http://localhost:" + port + (contextPath == null ? "" : contextPath);
    }

    /** The absolute URL of {@code path} (e.g. {@code /sandbox/3ds/pi_...}). */
    public static String url(String path) {
        if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)) {
            return outsideRequests + path;
        }
        HttpServletRequest request = attributes.getRequest();
        UriComponentsBuilder builder = ServletUriComponentsBuilder.fromContextPath(request);
        if (request.getAttribute(ApiPort.MAIN_PORT) instanceof Integer mainPort) {
            builder.port(mainPort);
        }
        return builder.path(path).build().toUriString();
    }
}
