package dev.paydeck.checkout.web;

import dev.paydeck.accounts.Caller;
import dev.paydeck.checkout.PortalLinks;
import dev.paydeck.customers.CustomerId;
import dev.paydeck.customers.CustomerStatus;
import dev.paydeck.customers.Customers;
import dev.paydeck.shared.web.ExampleAnswer;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * Links to the customer portal, made by the business's own site for a signed-in customer (as Stripe's billing portal
 * sessions are): the site sends its customer to the link's URL, and the portal's "back" link returns them.
 */
@RestController
@Validated
@Tag(name = "Customers")
class PortalLinksApiController {

    private final PortalLinks links;
    private final Customers customers;

    PortalLinksApiController(PortalLinks links, Customers customers) {
        this.links = links;
        this.customers = customers;
    }

    record PortalLinkRequest(
            @Schema(description = "Where the portal's back link goes: your site", example = "https://shop.example.com/account")
            @Size(max = 2000) @Pattern(regexp = "^https?://[^\\s]+$", message = "must be an http or https address")
            String returnUrl,
            @Schema(description = "Seconds the link stays valid: 300 to 604800 (7 days); 86400 when absent",
                    example = "3600") @Min(300) @Max(604_800) Long expiresIn) {
    }

    record PortalLinkView(@Schema(example = "https://paydeck.example.com/portal/q5J0m2Yb8fLh3nV7sT1xKc9wR4eZaPdU6gHiMoNjBl0")
                          String url, Instant expiresAt) {
    }

    @PostMapping("/api/v1/customers/{id}/portal-links")
    @ResponseStatus(HttpStatus.CREATED)
    @ExampleAnswer(description = "The link to send the customer to", value = """
            {"url": "https://paydeck.example.com/portal/q5J0m2Yb8fLh3nV7sT1xKc9wR4eZaPdU6gHiMoNjBl0",
             "expires_at": "2026-12-06T09:30:00Z"}""")
    @Operation(summary = "Make a customer portal link", description = "A link where the customer sees and manages "
            + "their saved cards (and chooses the default that invoices and subscriptions charge), with no account. "
            + "Whoever holds the link acts as the customer until it expires: send it only to them.")
    PortalLinkView create(Caller caller, @PathVariable UUID id, @Valid @RequestBody(required = false)
            PortalLinkRequest request) {
        caller.requireWrite();
        CustomerId customer = new CustomerId(id);
        customers.find(caller.organization(), customer).filter(found -> found.status() == CustomerStatus.ACTIVE)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "There is no such customer."));
        PortalLinkRequest asked = request == null ? new PortalLinkRequest(null, null) : request;
        Duration lifetime = asked.expiresIn() == null ? PortalLinks.DEFAULT_LIFETIME
                : Duration.ofSeconds(asked.expiresIn());
        PortalLinks.Issued issued = links.issue(caller.organization(), customer, lifetime, asked.returnUrl());
        return new PortalLinkView(ServletUriComponentsBuilder.fromCurrentContextPath().path(issued.path())
                .toUriString(), issued.link().expiresAt());
    }
}
