package dev.paydeck.sandbox.web;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The sandbox's own pages. Off (404) when the sandbox is switched off. */
@Controller
@ConditionalOnProperty(name = "paydeck.sandbox.enabled", havingValue = "true", matchIfMissing = true)
class SandboxPageController {

    @GetMapping("/sandbox")
    String overview() {
        return "sandbox/overview";
    }
}
