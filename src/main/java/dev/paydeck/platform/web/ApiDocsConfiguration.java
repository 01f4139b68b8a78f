package dev.paydeck.platform.web;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import dev.paydeck.platform.PaydeckVersion;
import io.swagger.v3.core.jackson.ModelResolver;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What Swagger UI at /docs says about the API as a whole, and how callers authenticate. */
@Configuration(proxyBeanMethods = false)
class ApiDocsConfiguration {

    @Bean
    OpenAPI paydeckApi(PaydeckVersion version) {
        return new OpenAPI()
                .info(new Info().title("Paydeck API").version(version.value())
                        .description("Payments and billing on top of Stripe. Authenticate with an organization's API "
                                + "key (`pd_test_…`/`pd_live_…`) or a person's token from `POST /api/v1/auth/token`, "
                                + "as `Authorization: Bearer …`; a person in several organizations names one with "
                                + "the `Paydeck-Organization` header. Amounts are integers in the currency's "
                                + "smallest unit, as Stripe counts them. Errors are RFC 9457 problem+json. POSTs "
                                + "accept an `Idempotency-Key` header.")
                        .license(new License().name("Open source")))
                .components(new Components().addSecuritySchemes("bearer", new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("bearer")
                        .description("An API key (pd_test_…, pd_live_…) or a person's token")))
                .addSecurityItem(new SecurityRequirement().addList("bearer"));
    }

    /**
     * Field names in the docs as the API writes and reads them: snake_case (spring.jackson.property-naming-strategy).
     * The docs' generator reads models with its own mapper, which knows nothing of the application's.
     */
    @Bean
    ModelResolver snakeCaseModels() {
        return new ModelResolver(Json.mapper().copy().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE));
    }
}
