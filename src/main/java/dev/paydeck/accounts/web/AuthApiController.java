package dev.paydeck.accounts.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.paydeck.accounts.Accounts;
import dev.paydeck.accounts.EmailAlreadyUsedException;
import dev.paydeck.accounts.Person;
import dev.paydeck.accounts.SignedInPerson;
import dev.paydeck.accounts.TokenIssuer;
import dev.paydeck.shared.web.ExampleAnswer;
import dev.paydeck.shared.web.Problems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Sign-up, API tokens and "who am I" for people. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Accounts", description = "People: sign-up, API tokens")
class AuthApiController {

    /** A person as the API answers it, for the examples in Swagger UI. */
    private static final String PERSON_EXAMPLE = """
            {"id": "e1700ebb-cc20-4fd7-8a78-bc41cb7c359c", "email": "ada@example.com", "name": "Ada Lovelace"}""";

    private final Accounts accounts;
    private final TokenIssuer tokens;

    AuthApiController(Accounts accounts, TokenIssuer tokens) {
        this.accounts = accounts;
        this.tokens = tokens;
    }

    record PersonView(String id, String email, String name) {
        static PersonView of(Person person) {
            return new PersonView(person.id().toString(), person.email(), person.name());
        }
    }

    record TokenRequest(@Schema(example = "ada@example.com") @NotBlank String email,
                        @Schema(example = "correct horse battery staple") @NotBlank String password) {
    }

    record TokenResponse(@JsonProperty("access_token") String accessToken,
                         @JsonProperty("token_type") String tokenType,
                         @JsonProperty("expires_in") long expiresIn) {
    }

    @PostMapping("/auth/sign-up")
    @SecurityRequirements
    @ResponseStatus(HttpStatus.CREATED)
    @ExampleAnswer(description = "Signed up", value = PERSON_EXAMPLE)
    @Operation(summary = "Sign up", description = "Creates a person. The password must have 12 to 72 characters. "
            + "409 if the email already has an account.")
    PersonView signUp(@Valid @RequestBody SignUpForm form) {
        return PersonView.of(accounts.signUp(form.email(), form.name(), form.password()));
    }

    @PostMapping("/auth/token")
    @SecurityRequirements
    @ExampleAnswer(description = "The token; send it as 'Authorization: Bearer …'", value = """
            {"access_token": "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJleGFtcGxlIn0.c2lnbmF0dXJl",
             "token_type": "Bearer", "expires_in": 900}""")
    @Operation(summary = "Get an API token", description = "Exchanges email and password for a short-lived "
            + "bearer token (JWT). After 5 wrong passwords the account is locked for 15 minutes.")
    ResponseEntity<?> token(@Valid @RequestBody TokenRequest request) {
        return tokens.issue(request.email(), request.password())
                .<ResponseEntity<?>>map(issued -> ResponseEntity.ok(
                        new TokenResponse(issued.accessToken(), "Bearer", issued.expiresInSeconds())))
                .orElseGet(() -> ResponseEntity.status(HttpStatus.UNAUTHORIZED).body(Problems.of(
                        HttpStatus.UNAUTHORIZED, "invalid-credentials",
                        "The email or password is not right, or the account is locked after too many failed "
                                + "attempts (try again in 15 minutes).")));
    }

    @GetMapping("/me")
    @ExampleAnswer(description = "The person the token belongs to", value = PERSON_EXAMPLE)
    @Operation(summary = "The signed-in person", description = "For a person's token; an API key belongs to an "
            + "organization, not a person (403): GET /api/v1/organizations names it.",
            security = @SecurityRequirement(name = "bearer"))
    PersonView me(@AuthenticationPrincipal Object principal) {
        if (!(principal instanceof SignedInPerson person)) {
            throw new AccessDeniedException("This is a person's address and an API key belongs to an organization, "
                    + "not a person: GET /api/v1/organizations shows the key's organization.");
        }
        return new PersonView(person.id().toString(), person.email(), person.name());
    }

    @ExceptionHandler(EmailAlreadyUsedException.class)
    ResponseEntity<ProblemDetail> emailUsed(EmailAlreadyUsedException e) {
        return ResponseEntity.status(HttpStatus.CONFLICT)
                .body(Problems.of(HttpStatus.CONFLICT, "email-already-used", e.getMessage()));
    }
}
