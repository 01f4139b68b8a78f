package dev.paydeck.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.MediaType;

import java.util.Comparator;
import java.util.List;

/** Tells pages (answered with HTML) from API calls (answered with problem+json). */
public final class RequestKind {

    private RequestKind() {
    }

    /** A browser asking for a page: not an API path, and HTML is preferred over JSON. */
    public static boolean isPage(HttpServletRequest request) {
        String path = request.getRequestURI();
        if (path.startsWith("/api/") || path.startsWith("/v3/api-docs") || path.startsWith("/actuator")
                || path.startsWith("/webhooks/")) {
            return false;
        }
        String accept = request.getHeader("Accept");
        if (accept == null || accept.isBlank()) {
            return false;
        }
        try {
            List<MediaType> types = MediaType.parseMediaTypes(accept);
            types.sort(Comparator.comparingDouble(MediaType::getQualityValue).reversed());
            for (MediaType type : types) {
                if (type.isCompatibleWith(MediaType.TEXT_HTML) && !type.isWildcardType()) {
                    return true;
                }
                if (type.isCompatibleWith(MediaType.APPLICATION_JSON) && !type.isWildcardType()) {
                    return false;
                }
            }
            return false;
        } catch (RuntimeException invalidAcceptHeader) {
            return false;
        }
    }
}
