package dev.paydeck.sandbox.web;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.MethodParameter;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Gives the sandbox's page handlers their {@link Visitor}: open in sandbox-only mode; else the name of the person
 * Spring Security says is signed in, and the accounts granted to them in {@value Visitor#ACCESS_ATTRIBUTE} (see
 * {@link Visitor} for that contract). Only framework and JDK types cross here, so the sandbox needs no other module.
 */
@Component
class VisitorResolver implements HandlerMethodArgumentResolver, WebMvcConfigurer {

    private final boolean sandboxOnly;

    VisitorResolver(@Value("${paydeck.sandbox-only:false}") boolean sandboxOnly) {
        this.sandboxOnly = sandboxOnly;
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(this);
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == Visitor.class;
    }

    @Override
    public Visitor resolveArgument(MethodParameter parameter, ModelAndViewContainer container,
            NativeWebRequest request, WebDataBinderFactory binders) {
        if (sandboxOnly) {
            return new Visitor(true, null, Map.of());
        }
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        String person = authentication == null || !authentication.isAuthenticated()
                || authentication instanceof AnonymousAuthenticationToken ? null : authentication.getName();
        return new Visitor(false, person, person == null ? Map.of()
                : grants(request.getAttribute(Visitor.ACCESS_ATTRIBUTE, RequestAttributes.SCOPE_REQUEST)));
    }

    /** The attribute's entries of strings; anything else in it grants nothing. */
    private static Map<String, String> grants(Object attribute) {
        Map<String, String> grants = new LinkedHashMap<>();
        if (attribute instanceof Map<?, ?> map) {
            map.forEach((key, value) -> {
                if (key instanceof String publishableKey && value instanceof String access) {
                    grants.put(publishableKey, access);
                }
            });
        }
        return grants;
    }
}
