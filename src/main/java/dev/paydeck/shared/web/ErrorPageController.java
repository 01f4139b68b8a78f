package dev.paydeck.shared.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.RequestMapping;

import java.util.Locale;

/**
 * Answers errors that never reached a controller (the servlet container's error dispatch): a friendly page for
 * browsers, in their language (message keys {@code error.<status>.reason} and {@code error.<status>.message}, else
 * the English reason phrase), problem+json for everyone else. Replaces Spring Boot's default error JSON.
 */
@Controller
class ErrorPageController implements ErrorController {

    private final MessageSource messages;

    ErrorPageController(MessageSource messages) {
        this.messages = messages;
    }

    @RequestMapping(value = "/error", produces = MediaType.TEXT_HTML_VALUE)
    String page(HttpServletRequest request, Model model, Locale locale) {
        HttpStatus status = status(request);
        String fallbackMessage = status.is5xxServerError() ? "error.5xx.message" : "error.4xx.message";
        model.addAttribute("status", status.value());
        model.addAttribute("reason", messages.getMessage("error." + status.value() + ".reason", null,
                status.getReasonPhrase(), locale));
        model.addAttribute("message", messages.getMessage("error." + status.value() + ".message", null,
                messages.getMessage(fallbackMessage, null, Problems.defaultDetail(status), locale), locale));
        return "error";
    }

    @RequestMapping("/error")
    ResponseEntity<ProblemDetail> problem(HttpServletRequest request) {
        HttpStatus status = status(request);
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(Problems.forStatus(status, Problems.defaultDetail(status)));
    }

    private static HttpStatus status(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer value ? HttpStatus.resolve(value) : null;
        return status == null ? HttpStatus.INTERNAL_SERVER_ERROR : status;
    }
}
