package dev.paydeck.accounts;

import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.util.Arrays;
import java.util.List;

/**
 * Gives API handlers their {@link Caller}. The API docs show no Caller field (callers send a bearer token) but the
 * header a person in several organizations names one with.
 */
@Configuration(proxyBeanMethods = false)
class AccountsWebConfiguration implements WebMvcConfigurer {

    static {
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Caller.class);
    }

    private final CallerResolver callers;

    AccountsWebConfiguration(CallerResolver callers) {
        this.callers = callers;
    }

    @Bean
    OperationCustomizer organizationHeaderDocs() {
        return (operation, handler) -> {
            if (Arrays.stream(handler.getMethodParameters()).anyMatch(p -> p.getParameterType() == Caller.class)) {
                operation.addParametersItem(new HeaderParameter().name(CallerResolver.ORGANIZATION_HEADER)
                        .required(false).schema(new StringSchema().format("uuid"))
                        .description("The organization to act in, for a person who belongs to several (an API key "
                                + "belongs to one)"));
            }
            return operation;
        };
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(callers);
    }
}
