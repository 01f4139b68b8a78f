package dev.paydeck.customers.web;

import dev.paydeck.shared.web.CursorPage;
import dev.paydeck.accounts.Caller;
import dev.paydeck.customers.Customer;
import dev.paydeck.customers.CustomerId;
import dev.paydeck.customers.CustomerDraft;
import dev.paydeck.customers.Customers;
import dev.paydeck.shared.web.ExampleAnswer;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The organization's customers, kept in Paydeck and in its Stripe account. */
@RestController
@RequestMapping("/api/v1/customers")
@Validated
@Tag(name = "Customers")
class CustomersApiController {

    /** A customer as the API answers it, for the examples in Swagger UI. */
    private static final String CUSTOMER_EXAMPLE = """
            {"id": "6f1c2b9e-4a57-4d0e-9f3a-8c2d1e5b7a40", "stripe_customer_id": "cus_QxYbX2eZvKYlo2",
             "email": "ada@example.com", "name": "Ada Lovelace", "phone": "+44 20 7946 0000",
             "description": "Wholesale account", "metadata": {"erp_id": "C-1042"}, "status": "active",
             "created_at": "2026-11-24T09:30:00Z", "updated_at": "2026-11-24T09:30:00Z"}""";

    private final Customers customers;
    private final Clock clock;

    CustomersApiController(Customers customers, Clock clock) {
        this.customers = customers;
        this.clock = clock;
    }

    record CustomerRequest(
            @Schema(example = "ada@example.com") @Email @Size(max = 254) String email,
            @Schema(example = "Ada Lovelace") @Size(max = 200) String name,
            @Schema(example = "+44 20 7946 0000") @Size(max = 40) @Pattern(regexp = "^[+0-9 ().-]*$",
                    message = "may contain digits, spaces and + ( ) . - only") String phone,
            @Schema(example = "Wholesale account") @Size(max = 350) String description,
            @Schema(example = "{\"erp_id\": \"C-1042\"}") @Size(max = 50) Map<@Size(max = 40) String,
                    @Size(max = 500) String> metadata) {

        CustomerDraft draft() {
            return new CustomerDraft(email, name, phone, description, metadata);
        }
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @ExampleAnswer(CUSTOMER_EXAMPLE)
    @Operation(summary = "Create a customer", description = "Creates the customer in the organization's Stripe and "
            + "keeps a local copy. Send an Idempotency-Key header to retry safely: called from your own sign-up "
            + "with your user's id as the key, each user gets one Stripe customer.")
    Customer create(Caller caller, @Valid @RequestBody CustomerRequest request) {
        caller.requireWrite();
        if (request.email() == null && request.name() == null) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "A customer needs an email or a name.");
        }
        return customers.create(caller.organization(), request.draft(), caller.actor());
    }

    @GetMapping
    @ExampleAnswer(description = "A page of customers", value = "{\"data\": [" + CUSTOMER_EXAMPLE
            + "], \"has_more\": true, \"next_starting_after\": \"6f1c2b9e-4a57-4d0e-9f3a-8c2d1e5b7a40\"}")
    @Operation(summary = "List customers", description = "Newest first. `q` searches email and name.")
    CursorPage<Customer> list(Caller caller,
            @Parameter(description = "Text to find in email or name") @RequestParam(required = false)
            @Size(max = 200) String q,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit,
            @Parameter(description = "Id of the last customer of the previous page")
            @RequestParam(name = "starting_after", required = false) UUID startingAfter) {
        return CursorPage.of(customers.list(caller.organization(), q, limit + 1,
                startingAfter == null ? null : new CustomerId(startingAfter)), limit,
                Customer::id);
    }

    @GetMapping(value = "/export", produces = "text/csv")
    @Operation(summary = "Customers as CSV", description = "Every customer `q` matches (all of them when absent; "
            + "no paging), newest first, streamed; deleted customers left out. Columns: id, created_at (UTC), "
            + "email, name, phone, description, stripe_customer_id.")
    @ApiResponse(responseCode = "200", description = "The CSV file",
            content = @Content(mediaType = "text/csv", schema = @Schema(type = "string", example = """
                    id,created_at,email,name,phone,description,stripe_customer_id
                    6f1c2b9e-4a57-4d0e-9f3a-8c2d1e5b7a40,2026-11-24T09:30:00Z,ada@example.com,Ada Lovelace,\
                    +44 20 7946 0000,Wholesale account,cus_QxYbX2eZvKYlo2
                    """)))
    void export(Caller caller,
            @Parameter(description = "Text to find in email or name") @RequestParam(required = false)
            @Size(max = 200) String q,
            HttpServletResponse response) {
        CustomerCsv.write(response, LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC), customers,
                caller.organization(), q);
    }

    @GetMapping("/{id}")
    @ExampleAnswer(description = "The customer", value = CUSTOMER_EXAMPLE)
    @Operation(summary = "Get a customer")
    Customer get(Caller caller, @PathVariable UUID id) {
        return customers.find(caller.organization(), new CustomerId(id)).orElseThrow(CustomersApiController::notFound);
    }

    @PatchMapping("/{id}")
    @ExampleAnswer(description = "The customer as updated", value = CUSTOMER_EXAMPLE)
    @Operation(summary = "Update a customer", description = "Only the fields given change. Metadata keys are "
            + "merged; an empty value removes a key.")
    Customer update(Caller caller, @PathVariable UUID id, @Valid @RequestBody CustomerRequest request) {
        caller.requireWrite();
        return customers.update(caller.organization(), new CustomerId(id), request.draft(), caller.actor())
                .orElseThrow(CustomersApiController::notFound);
    }

    @DeleteMapping("/{id}")
    @ExampleAnswer(description = "Deleted", value = """
            {"id": "6f1c2b9e-4a57-4d0e-9f3a-8c2d1e5b7a40", "deleted": true}""")
    @Operation(summary = "Delete a customer", description = "Deletes it in Stripe; Paydeck keeps it as deleted.")
    Map<String, Object> delete(Caller caller, @PathVariable UUID id) {
        caller.requireWrite();
        if (!customers.delete(caller.organization(), new CustomerId(id), caller.actor())) {
            throw notFound();
        }
        return Map.of("id", id, "deleted", true);
    }

    private static ResponseStatusException notFound() {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, "There is no such customer.");
    }
}
