package dev.paydeck.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.ConstraintViolationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.util.DisconnectedClientHelper;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * The one global error handler. API callers get RFC 9457 problem+json (with the offending fields for validation
 * errors); browsers asking for a page are sent to the friendly error page instead. Nothing internal (stack
 * traces, exception messages of unexpected errors) ever reaches a response.
 */
@RestControllerAdvice
class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = Problems.invalidFields(fieldErrors(ex.getBindingResult()));
        return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "validation",
                "The request has invalid parameters.");
        List<Map<String, String>> errors = ex.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream().map(error -> Map.of(
                        "field", snakeCase(String.valueOf(result.getMethodParameter().getParameterName())),
                        "message", String.valueOf(error.getDefaultMessage()))))
                .toList();
        problem.setProperty("errors", errors);
        return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (causedByTooLargeBody(ex)) {
            ProblemDetail problem = Problems.of(HttpStatus.CONTENT_TOO_LARGE, "payload-too-large",
                    "The request body is too large.");
            return handleExceptionInternal(ex, problem, headers, HttpStatus.CONTENT_TOO_LARGE, request);
        }
        var fieldError = UnreadableBody.fieldError(ex);
        if (fieldError.isPresent()) {
            ProblemDetail problem = Problems.invalidFields(List.of(fieldError.get()));
            return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
        }
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "malformed-body",
                "The request body could not be read: it must be well-formed JSON of the documented shape.");
        return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<Object> constraintViolation(ConstraintViolationException ex, WebRequest request) {
        ProblemDetail problem = Problems.invalidFields(ex.getConstraintViolations().stream()
                .map(violation -> Map.of("field", snakeCase(lastNode(violation.getPropertyPath().toString())),
                        "message", violation.getMessage()))
                .toList());
        return handleExceptionInternal(ex, problem, new HttpHeaders(), HttpStatus.BAD_REQUEST, request);
    }

    @ExceptionHandler(PayloadTooLargeException.class)
    ResponseEntity<Object> payloadTooLarge(PayloadTooLargeException ex, WebRequest request) {
        return handleExceptionInternal(ex, ex.problem(), new HttpHeaders(), HttpStatus.CONTENT_TOO_LARGE, request);
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<Object> accessDenied(AccessDeniedException ex, WebRequest request) {
        ProblemDetail problem = Problems.forbidden("Access Denied".equals(ex.getMessage()) ? null : ex.getMessage());
        return handleExceptionInternal(ex, problem, new HttpHeaders(), HttpStatus.FORBIDDEN, request);
    }

    @ExceptionHandler(AuthenticationException.class)
    ResponseEntity<Object> unauthenticated(AuthenticationException ex, WebRequest request) {
        return handleExceptionInternal(ex, Problems.unauthenticated(), new HttpHeaders(), HttpStatus.UNAUTHORIZED,
                request);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception ex, WebRequest request) {
        if (DisconnectedClientHelper.isClientDisconnectedException(ex)) {
            // The browser went away (a page left while a script loaded): nothing to answer, nothing went wrong here.
            log.debug("Client gone during {}", describe(request));
            return null;
        }
        log.error("Unexpected error on {}", describe(request), ex);
        ProblemDetail problem = Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "internal",
                "Something went wrong on our side. The error was logged; please try again.");
        return handleExceptionInternal(ex, problem, new HttpHeaders(), HttpStatus.INTERNAL_SERVER_ERROR, request);
    }

    @Override
    protected ProblemDetail createProblemDetail(Exception ex, HttpStatusCode status, String defaultDetail,
            String detailMessageCode, Object[] detailMessageArguments, WebRequest request) {
        ProblemDetail problem = super.createProblemDetail(ex, status, defaultDetail, detailMessageCode,
                detailMessageArguments, request);
        ProblemDetail ours = Problems.forStatus(status, problem.getDetail());
        if (problem.getProperties() != null) {
            problem.getProperties().forEach(ours::setProperty);
        }
        return ours;
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
            HttpStatusCode statusCode, WebRequest request) {
        HttpServletRequest servletRequest = ((NativeWebRequest) request).getNativeRequest(HttpServletRequest.class);
        if (servletRequest != null && RequestKind.isPage(servletRequest)) {
            return sendToErrorPage(statusCode, request);
        }
        return super.handleExceptionInternal(ex, normalize(body, statusCode), headers, statusCode, request);
    }

    private Object normalize(Object body, HttpStatusCode status) {
        if (body instanceof ProblemDetail problem) {
            if (problem.getType() == null || "about:blank".equals(problem.getType().toString())) {
                ProblemDetail ours = Problems.forStatus(status, problem.getDetail());
                if (problem.getProperties() != null) {
                    problem.getProperties().forEach(ours::setProperty);
                }
                return ours;
            }
            return problem;
        }
        return body == null ? Problems.forStatus(status, null) : body;
    }

    private ResponseEntity<Object> sendToErrorPage(HttpStatusCode status, WebRequest request) {
        HttpServletResponse response = ((ServletWebRequest) request).getResponse();
        try {
            if (response != null && !response.isCommitted()) {
                response.sendError(status.value());
            }
        } catch (IOException e) {
            log.debug("Could not send the error page: {}", e.getMessage());
        }
        return null;
    }

    private static List<Map<String, String>> fieldErrors(BindingResult result) {
        return result.getFieldErrors().stream()
                .map(error -> Map.of("field", snakeCase(error.getField()),
                        "message", String.valueOf(error.getDefaultMessage())))
                .toList();
    }

    private static boolean causedByTooLargeBody(Throwable ex) {
        for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
            if (cause instanceof PayloadTooLargeException) {
                return true;
            }
        }
        return false;
    }

    /** Field names as the JSON API spells them ({@code receiptEmail} → {@code receipt_email}). */
    static String snakeCase(String field) {
        return field.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT);
    }

    private static String lastNode(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? path : path.substring(dot + 1);
    }

    private static String describe(WebRequest request) {
        return request instanceof ServletWebRequest servlet
                ? servlet.getRequest().getMethod() + " " + servlet.getRequest().getRequestURI()
                : request.getDescription(false);
    }
}
