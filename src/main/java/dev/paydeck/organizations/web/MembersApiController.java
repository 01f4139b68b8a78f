package dev.paydeck.organizations.web;

import dev.paydeck.accounts.ApiKeys;
import dev.paydeck.accounts.Callers;
import dev.paydeck.accounts.Memberships;
import dev.paydeck.accounts.PersonId;
import dev.paydeck.accounts.Role;
import dev.paydeck.organizations.Members;
import dev.paydeck.shared.web.ExampleAnswer;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Members and API keys of an organization (owners and admins manage them; everyone may list them). */
@RestController
@RequestMapping("/api/v1/organizations/{id}")
@Tag(name = "Organizations")
class MembersApiController {

    /** An API key as the API shows it (never its secret), for the examples in Swagger UI. */
    private static final String API_KEY_EXAMPLE = """
            {"id": "3c69e8b3-3f57-4957-b851-026558409e71", "name": "Shop backend", "prefix": "pd_test_gjTr",
             "role": "admin", "created_at": "2026-11-24T09:30:00Z", "last_used_at": "2026-11-24T10:12:45Z"}""";

    private final Callers callers;
    private final Memberships memberships;
    private final ApiKeys apiKeys;
    private final Members members;

    MembersApiController(Callers callers, Memberships memberships, ApiKeys apiKeys, Members members) {
        this.callers = callers;
        this.memberships = memberships;
        this.apiKeys = apiKeys;
        this.members = members;
    }

    record Invite(@Schema(example = "grace@example.com") @NotBlank @Email String email,
                  @Schema(example = "viewer") @NotBlank @Pattern(regexp = "owner|admin|viewer",
                          message = "must be owner, admin or viewer") String role) {
    }

    record NewApiKey(@Schema(example = "Shop backend") @NotBlank @Size(max = 100) String name,
                     @Schema(example = "admin") @NotBlank @Pattern(regexp = "admin|viewer",
                             message = "must be admin or viewer") String role) {
    }

    @GetMapping("/members")
    @ExampleAnswer(description = "The members", value = """
            [{"person": "e1700ebb-cc20-4fd7-8a78-bc41cb7c359c", "email": "ada@example.com",
              "name": "Ada Lovelace", "role": "owner"}]""")
    @Operation(summary = "Members of the organization")
    List<Memberships.Member> members(@PathVariable String id) {
        return memberships.members(callers.in(OrganizationsApiController.parse(id)).organization());
    }

    @PostMapping("/members")
    @ResponseStatus(HttpStatus.CREATED)
    @ExampleAnswer(description = "Added (status member), or invited until the email signs up (status invited)",
            value = """
            {"email": "grace@example.com", "role": "viewer", "status": "invited"}""")
    @Operation(summary = "Invite a member", description = "Adds the person with this email, or keeps the invitation "
            + "until that email signs up. Only owners may add owners.")
    Map<String, Object> invite(@PathVariable String id, @Valid @RequestBody Invite invite) {
        var caller = callers.in(OrganizationsApiController.parse(id)).requireAdmin();
        Role role = Role.fromCode(invite.role());
        if (role == Role.OWNER && caller.role() != Role.OWNER) {
            throw new AccessDeniedException("Only owners may add owners.");
        }
        boolean added = members.invite(caller.organization(), invite.email(), role, requirePerson(caller),
                caller.actor());
        return Map.of("email", invite.email().strip().toLowerCase(), "role", role.code(),
                "status", added ? "member" : "invited");
    }

    @DeleteMapping("/members/{personId}")
    @ExampleAnswer(description = "Removed", value = """
            {"person_id": "5d2e8f14-7b3a-4c9e-a1d6-0f4b2c8e9a73", "removed": true}""")
    @Operation(summary = "Remove a member", description = "The last owner cannot be removed.")
    Map<String, Object> remove(@PathVariable String id, @PathVariable UUID personId) {
        var caller = callers.in(OrganizationsApiController.parse(id)).requireAdmin();
        PersonId person = new PersonId(personId);
        Role role = memberships.roleOf(caller.organization(), person).orElseThrow(() ->
                new ResponseStatusException(HttpStatus.NOT_FOUND, "This person is not a member."));
        if (role == Role.OWNER && (caller.role() != Role.OWNER || memberships.owners(caller.organization()) == 1)) {
            throw new AccessDeniedException(caller.role() != Role.OWNER ? "Only owners may remove owners."
                    : "The last owner cannot be removed.");
        }
        members.remove(caller.organization(), person, role, caller.actor());
        return Map.of("person_id", personId, "removed", true);
    }

    @GetMapping("/api-keys")
    @ExampleAnswer(description = "The API keys, revoked ones with revoked_at", value = "[" + API_KEY_EXAMPLE + "]")
    @Operation(summary = "API keys (never their secrets)")
    List<ApiKeys.ApiKey> keys(@PathVariable String id) {
        return apiKeys.list(callers.in(OrganizationsApiController.parse(id)).requireAdmin().organization());
    }

    @PostMapping("/api-keys")
    @ResponseStatus(HttpStatus.CREATED)
    @ExampleAnswer(description = "Created; the secret is shown this once", value = """
            {"key": {"id": "3c69e8b3-3f57-4957-b851-026558409e71", "name": "Shop backend",
                     "prefix": "pd_test_gjTr", "role": "admin", "created_at": "2026-11-24T09:30:00Z"},
             "secret": "pd_test_gjTrEXAMPLEnotARealKeyEXAMPLE0000"}""")
    @Operation(summary = "Create an API key", description = "The secret (pd_test_… or pd_live_…, after the "
            + "organization's Stripe mode) is in this response only; Paydeck keeps just a hash.")
    ApiKeys.CreatedApiKey createKey(@PathVariable String id, @Valid @RequestBody NewApiKey request) {
        var caller = callers.in(OrganizationsApiController.parse(id)).requireAdmin();
        return members.createKey(caller.organization(), request.name().strip(), Role.fromCode(request.role()),
                requirePerson(caller), caller.actor());
    }

    @DeleteMapping("/api-keys/{keyId}")
    @ExampleAnswer(description = "The key, revoked", value = """
            {"id": "3c69e8b3-3f57-4957-b851-026558409e71", "name": "Shop backend",
             "prefix": "pd_test_gjTr", "role": "admin", "created_at": "2026-11-24T09:30:00Z",
             "last_used_at": "2026-11-24T10:12:45Z", "revoked_at": "2026-11-25T08:00:00Z"}""")
    @Operation(summary = "Revoke an API key")
    ApiKeys.ApiKey revoke(@PathVariable String id, @PathVariable UUID keyId) {
        var caller = callers.in(OrganizationsApiController.parse(id)).requireAdmin();
        return members.revokeKey(caller.organization(), keyId, caller.actor()).orElseThrow(() ->
                new ResponseStatusException(HttpStatus.NOT_FOUND, "There is no such API key."));
    }

    private static PersonId requirePerson(dev.paydeck.accounts.Caller caller) {
        if (caller.person() == null) {
            throw new AccessDeniedException("Only people may manage members and API keys.");
        }
        return caller.person();
    }
}
