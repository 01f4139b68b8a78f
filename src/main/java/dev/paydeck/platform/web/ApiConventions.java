package dev.paydeck.platform.web;

import dev.paydeck.platform.idempotency.IdempotencyFilter;
import dev.paydeck.shared.web.Problems;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What every operation of the REST API shares, documented on each: the problem+json answers (400 for invalid input,
 * 401 without a valid key or token, 403 when the caller's role may not do it, 404 for an id that is not the caller's
 * organization's) and, on POSTs, the Idempotency-Key header with its two problems. Answers particular to an
 * operation (a declined card, a payment in the wrong state) are declared on its method with
 * {@link dev.paydeck.shared.web.ProblemAnswer}.
 */
@Component
class ApiConventions implements OpenApiCustomizer {

    private static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private static final String PROBLEM_JSON = "application/problem+json";
    private static final String SCHEMA = "Problem";
    private static final String SCHEMA_REF = "#/components/schemas/" + SCHEMA;

    @Override
    public void customise(OpenAPI api) {
        api.getComponents().addSchemas(SCHEMA, problemSchema());
        api.getPaths().forEach((path, item) -> {
            if (path.startsWith("/api/v1/")) {
                item.readOperationsMap().forEach((method, operation) -> document(path, method, operation));
            }
        });
    }

    private static void document(String path, PathItem.HttpMethod method, Operation operation) {
        boolean open = operation.getSecurity() != null && operation.getSecurity().isEmpty();
        boolean hasInput = operation.getRequestBody() != null
                || (operation.getParameters() != null && !operation.getParameters().isEmpty());
        if (hasInput) {
            add(operation, "400", "Invalid input; errors name each field", path, Problems.invalidFields(
                    List.of(Map.of("field", "amount", "message", "must be greater than 0"))));
        }
        if (!open) {
            add(operation, "401", "No valid API key or token", path, Problems.unauthenticated());
        }
        if (!open && method != PathItem.HttpMethod.GET) {
            add(operation, "403", "The caller's role may not do this (viewers only read)", path,
                    Problems.forbidden(null));
        }
        if (!open && method == PathItem.HttpMethod.POST) {
            idempotencyKey(operation).schema(new StringSchema().maxLength(255).example("order-1042-payment"))
                    .description("Makes a retry safe: the same key with the same request answers what the first "
                            + "answered (header Idempotent-Replayed: true) and does nothing twice; kept 24 hours.");
            add(operation, "409", "A request with this Idempotency-Key is still running", path,
                    IdempotencyFilter.keyInUse());
            add(operation, "422", "This Idempotency-Key was used for another request", path,
                    IdempotencyFilter.keyReused());
        }
        if (path.contains("{")) {
            add(operation, "404", "Nothing with this id in the caller's organization", path,
                    Problems.of(HttpStatus.NOT_FOUND, "not-found", "There is no such object."));
        }
    }

    /** The operation's Idempotency-Key header: the one its method reads, or a new one (the filter reads it). */
    private static Parameter idempotencyKey(Operation operation) {
        if (operation.getParameters() != null) {
            for (Parameter parameter : operation.getParameters()) {
                if ("header".equals(parameter.getIn()) && IDEMPOTENCY_KEY.equalsIgnoreCase(parameter.getName())) {
                    return parameter.required(false);
                }
            }
        }
        Parameter header = new HeaderParameter().name(IDEMPOTENCY_KEY).required(false);
        operation.addParametersItem(header);
        return header;
    }

    private static void add(Operation operation, String status, String description, String path,
            ProblemDetail problem) {
        if (!operation.getResponses().containsKey(status)) { // else the method says more about this answer
            operation.getResponses().addApiResponse(status, problemResponse(description, example(problem, path)));
        }
    }

    /** A problem+json answer of the {@code Problem} schema, with its example. */
    static ApiResponse problemResponse(String description, Object example) {
        return new ApiResponse().description(description).content(new Content().addMediaType(PROBLEM_JSON,
                new MediaType().schema(new Schema<>().$ref(SCHEMA_REF)).example(example)));
    }

    /** The problem as the API writes it, at the operation's path with an id in it. */
    private static Map<String, Object> example(ProblemDetail problem, String path) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("type", problem.getType().toString());
        json.put("title", problem.getTitle());
        json.put("status", problem.getStatus());
        json.put("detail", problem.getDetail());
        json.put("instance", path.replaceAll("\\{[^}]+}", "6f1c2b9e-4a57-4d0e-9f3a-8c2d1e5b7a40"));
        if (problem.getProperties() != null) {
            json.putAll(problem.getProperties());
        }
        return json;
    }

    private static Schema<?> problemSchema() {
        return new ObjectSchema().description("RFC 9457 problem details; a Stripe error adds Stripe's code and "
                        + "request id, a declined card its decline_code, invalid input its errors")
                .addProperty("type", new StringSchema().format("uri"))
                .addProperty("title", new StringSchema())
                .addProperty("status", new IntegerSchema())
                .addProperty("detail", new StringSchema().description("Written for the person reading it"))
                .addProperty("instance", new StringSchema())
                .addProperty("code", new StringSchema().description("Stripe's error code, e.g. card_declined"))
                .addProperty("decline_code", new StringSchema().description("The bank's reason for a declined card"))
                .addProperty("param", new StringSchema().description("The Stripe parameter a Stripe error is about"))
                .addProperty("stripe_request_id", new StringSchema().description("Stripe's id of the failed call"))
                .addProperty("payment_id", new StringSchema().format("uuid").description("The payment that failed "
                        + "(it is kept; retry or read it later)"))
                .addProperty("refund_id", new StringSchema().format("uuid").description("The refund that failed"))
                .addProperty("errors", new ArraySchema().description("For invalid input: each field and what is "
                        + "wrong with it").items(new ObjectSchema()
                        .addProperty("field", new StringSchema()).addProperty("message", new StringSchema())));
    }
}
