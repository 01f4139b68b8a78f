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

    /** The base address work done after its request uses ({@link #runOn}), e.g. a test clock's advance. */
    private static final ThreadLocal<String> LATER_BASE = new ThreadLocal<>();

    /** The main port's address on this host, for work done outside a request (what the wall clock brings due). */
    private static volatile String outsideRequests = "http://localhost:8080";

    private HostedPages() {
    }

    /** The address the request being served reached the sandbox at ({@code http://localhost:8080}). */
    public static String base() {
        return url("");
    }

    /** Runs work outside any request (on a thread of its own) with the addresses of a request it follows. */
    public static void runOn(String base, Runnable work) {
        LATER_BASE.set(base);
        try {
            work.run();
        } finally {
            LATER_BASE.remove();
        }
    }

    /** The main web server is up on this port (and context path). */
    static void serving(int port, String contextPath) {
        outsideRequests = "http://localhost:" + port + (contextPath == null ? "" : contextPath);
    }

    /** The absolute URL of {@code path} (e.g. {@code /sandbox/3ds/pi_...}). */
    public static String url(String path) {
        if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)) {
            return (LATER_BASE.get() != null ? LATER_BASE.get() : outsideRequests) + path;
        }
        HttpServletRequest request = attributes.getRequest();
        UriComponentsBuilder builder = ServletUriComponentsBuilder.fromContextPath(request);
        if (request.getAttribute(ApiPort.MAIN_PORT) instanceof Integer mainPort) {
            builder.port(mainPort);
        }
        return builder.path(path).build().toUriString();
    }
}
