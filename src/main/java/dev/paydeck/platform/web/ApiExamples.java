package dev.paydeck.platform.web;

import dev.paydeck.shared.web.ExampleAnswer;
import dev.paydeck.shared.web.ExampleRequest;
import dev.paydeck.shared.web.ProblemAnswer;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import java.util.Map;

/**
 * Puts each {@link ExampleAnswer} on its operation's successful answer and each {@link ExampleRequest} on its request
 * body, keeping the schemas springdoc made from the method (an {@code @ApiResponse} with content would replace them),
 * and adds each {@link ProblemAnswer} as a problem+json answer.
 */
@Component
class ApiExamples implements OperationCustomizer {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Override
    public Operation customize(Operation operation, HandlerMethod handler) {
        ExampleRequest request = handler.getMethodAnnotation(ExampleRequest.class);
        if (request != null && operation.getRequestBody() != null && operation.getRequestBody().getContent() != null) {
            Object example = parse(request.value(), handler);
            operation.getRequestBody().getContent().values().forEach(media -> media.setExample(example));
        }
        for (ProblemAnswer problem : handler.getMethod().getAnnotationsByType(ProblemAnswer.class)) {
            operation.getResponses().addApiResponse(String.valueOf(problem.status()),
                    ApiConventions.problemResponse(problem.description(), parse(problem.example(), handler)));
        }
        ExampleAnswer answer = handler.getMethodAnnotation(ExampleAnswer.class);
        if (answer == null || operation.getResponses() == null) {
            return operation;
        }
        Object example = parse(answer.value(), handler);
        ApiResponses responses = operation.getResponses();
        Map.Entry<String, ApiResponse> success = responses.entrySet().stream()
                .filter(entry -> entry.getKey().startsWith("2")).findFirst()
                .orElseThrow(() -> new IllegalStateException(handler + " has no successful answer to give an example"));
        ApiResponse response = success.getValue();
        if (!answer.status().isEmpty() && !answer.status().equals(success.getKey())) {
            responses.remove(success.getKey());
            responses.addApiResponse(answer.status(), response);
        }
        if (!answer.description().isEmpty()) {
            response.setDescription(answer.description());
        }
        if (response.getContent() != null) {
            response.getContent().values().forEach(media -> media.setExample(example));
        }
        return operation;
    }

    /** An example as maps and lists, so the docs show it as JSON; a mistyped example stops the docs, not later. */
    private static Object parse(String json, HandlerMethod handler) {
        try {
            return JSON.readValue(json, Object.class);
        } catch (JacksonException e) {
            throw new IllegalStateException("An example of " + handler + " is not JSON: "
                    + e.getOriginalMessage(), e);
        }
    }
}
