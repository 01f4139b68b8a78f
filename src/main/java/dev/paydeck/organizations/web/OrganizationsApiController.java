package dev.paydeck.organizations.web;

import dev.paydeck.accounts.Callers;
import dev.paydeck.accounts.Memberships;
import dev.paydeck.accounts.SignedInPerson;
import dev.paydeck.organizations.InvalidStripeKeysException;
import dev.paydeck.organizations.Organization;
import dev.paydeck.organizations.Organizations;
import dev.paydeck.organizations.StripeKeys;
import dev.paydeck.organizations.StripeKeysRequiredException;
import dev.paydeck.shared.OrganizationId;
import dev.paydeck.shared.web.Problems;
import dev.paydeck.shared.web.ExampleAnswer;
import dev.paydeck.shared.web.ExampleRequest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Map;

/**
 * Organizations and their Stripe keys. Keys are write-only: responses show the mode, the publishable key and only
 * the end of the secret key ({@code sk_test_…abcd}).
 */
@RestController
@RequestMapping("/api/v1/organizations")
@Tag(name = "Organizations", description = "Tenants and their Stripe accounts")
class OrganizationsApiController {

    /** An organization with its own Stripe test keys, as the API answers it, for the examples in Swagger UI. */
    private static final String ORGANIZATION_EXAMPLE = """
            {"id": "67f62e3b-ab36-4f35-97f1-2a19261aba66", "name": "Acme Coffee",
             "created_at": "2026-11-24T09:30:00Z",
             "stripe": {"source": "stripe", "mode": "test", "publishable_key": "pk_test_51HxAcmeExample",
                        "secret_key_hint": "sk_test_…4xQz", "check_status": "valid",
                        "check_message": "Stripe accepted the key.", "checked_at": "2026-11-24T09:30:01Z",
                        "webhook_status": "registered",
                        "webhook_message": "Stripe sends events to https://pay.acme.example/webhooks/stripe/\
            67f62e3b-ab36-4f35-97f1-2a19261aba66",
                        "webhook_endpoint_id": "we_1QxYbX2eZvKYlo2CAcme"}}""";

    private final Organizations organizations;
    private final Memberships memberships;
    private final Callers callers;

    OrganizationsApiController(Organizations organizations, Memberships memberships, Callers callers) {
        this.organizations = organizations;
        this.memberships = memberships;
        this.callers = callers;
    }

    record StripeKeysRequest(
            @Schema(example = "pk_test_51H...") String publishableKey,
            @Schema(example = "sk_test_51H...", description = "Secret or restricted key; never shown again")
            String secretKey,
            @Schema(example = "whsec_...", description = "Only needed when Stripe cannot reach this Paydeck")
            String webhookSecret) {

        StripeKeys keys() {
            return new StripeKeys(publishableKey, secretKey, webhookSecret);
        }
    }

    record CreateOrganization(@Schema(example = "Acme Coffee") @NotBlank @Size(max = 100) String name,
                              @Schema(description = "Omit to get a sandbox account") StripeKeysRequest stripe) {
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @ExampleRequest("""
            {"name": "Acme Coffee"}""")
    @ExampleAnswer("""
            {"id": "67f62e3b-ab36-4f35-97f1-2a19261aba66", "name": "Acme Coffee", "created_at": "2026-11-24T09:30:00Z",
             "stripe": {"source": "sandbox", "mode": "sandbox", "publishable_key": "pk_test_O8j1Example",
                        "secret_key_hint": "sk_test_…e1Sz", "check_status": "valid",
                        "check_message": "Stripe accepted the key.", "checked_at": "2026-11-24T09:30:00Z",
                        "webhook_status": "registered",
                        "webhook_message": "Stripe sends events to http://localhost:8080/webhooks/stripe/\
            67f62e3b-ab36-4f35-97f1-2a19261aba66",
                        "webhook_endpoint_id": "we_27a1Q7JVolcyKRbg"}}""")
    @Operation(summary = "Create an organization", description = "You become its owner. Without Stripe keys it gets "
            + "its own sandbox account, so it can take test payments at once.")
    Organization create(@Valid @RequestBody CreateOrganization request, Authentication authentication) {
        if (!(authentication.getPrincipal() instanceof SignedInPerson person)) {
            throw new AccessDeniedException("Organizations are created by people, not API keys.");
        }
        return organizations.create(request.name().strip(), person.id(), person.email(),
                request.stripe() == null ? null : request.stripe().keys());
    }

    @GetMapping
    @ExampleAnswer(description = "Your organizations", value = "[" + ORGANIZATION_EXAMPLE + "]")
    @Operation(summary = "Organizations you belong to")
    List<Organization> mine(Authentication authentication) {
        if (authentication.getPrincipal() instanceof SignedInPerson person) {
            return organizations.all(memberships.organizationsOf(person.id()));
        }
        if (authentication.getPrincipal() instanceof dev.paydeck.accounts.ApiKeyCaller key) {
            return organizations.all(List.of(key.organization()));
        }
        return List.of();
    }

    @GetMapping("/{id}")
    @ExampleAnswer(description = "The organization", value = ORGANIZATION_EXAMPLE)
    @Operation(summary = "An organization")
    Organization get(@PathVariable String id) {
        OrganizationId organization = callers.in(parse(id)).organization();
        return organizations.find(organization).orElseThrow();
    }

    @PutMapping("/{id}/stripe-keys")
    @ExampleAnswer(description = "The organization with its new keys, checked", value = ORGANIZATION_EXAMPLE)
    @Operation(summary = "Replace the Stripe keys", description = "Owners and admins. The keys are checked with "
            + "Stripe and Paydeck's webhook endpoint is registered in that Stripe account.")
    Organization replaceKeys(@PathVariable String id, @RequestBody StripeKeysRequest request) {
        var caller = callers.in(parse(id)).requireAdmin();
        return organizations.replaceKeys(caller.organization(), request.keys(), caller.actor());
    }

    @PostMapping("/{id}/stripe-keys/check")
    @ExampleAnswer(description = "The organization with the check's result", value = ORGANIZATION_EXAMPLE)
    @Operation(summary = "Check the Stripe keys now")
    Organization check(@PathVariable String id) {
        var caller = callers.in(parse(id)).requireAdmin();
        return organizations.checkCredentials(caller.organization());
    }

    static OrganizationId parse(String id) {
        return OrganizationId.parse(id).orElseThrow(() -> new org.springframework.web.server.ResponseStatusException(
                HttpStatus.NOT_FOUND, "There is no such organization."));
    }

    @ExceptionHandler(InvalidStripeKeysException.class)
    ResponseEntity<ProblemDetail> invalidKeys(InvalidStripeKeysException e) {
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "validation", e.getMessage());
        problem.setProperty("errors", e.problems().entrySet().stream()
                .map(entry -> Map.of("field", "stripe." + entry.getKey(), "message", entry.getValue())).toList());
        return ResponseEntity.badRequest().body(problem);
    }

    @ExceptionHandler(StripeKeysRequiredException.class)
    ResponseEntity<ProblemDetail> keysRequired(StripeKeysRequiredException e) {
        return ResponseEntity.badRequest().body(Problems.of(HttpStatus.BAD_REQUEST, "stripe-keys-required",
                e.getMessage()));
    }
}
