package dev.paydeck.customers.web;

import dev.paydeck.customers.Customer;
import dev.paydeck.customers.CustomerDraft;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The customer form of the pages (create and edit): the limits are Stripe's and the API's. A customer needs a name or
 * an email (checked by the controller). {@code idempotencyKey} is the create form's hidden key, so that a form
 * submitted twice creates one customer. Field errors are worded in the message bundles
 * ({@code Email.customerForm.email}…).
 */
record CustomerForm(
        @Size(max = 200) String name,
        @Email @Size(max = 254) String email,
        @Size(max = 40) @Pattern(regexp = "^[+0-9 ().-]*$") String phone,
        @Size(max = 350) String description,
        @Size(max = 100) String idempotencyKey) {

    static CustomerForm empty() {
        return new CustomerForm("", "", "", "", java.util.UUID.randomUUID().toString());
    }

    static CustomerForm of(Customer customer) {
        return new CustomerForm(customer.name(), customer.email(), customer.phone(), customer.description(), null);
    }

    boolean anonymous() {
        return blank(name) && blank(email);
    }

    /** What the customer is created with: empty fields are left out. */
    CustomerDraft draft() {
        return new CustomerDraft(orNull(email), orNull(name), orNull(phone), orNull(description), null);
    }

    /** What an edit sends: every field, an emptied one as empty text (Stripe then clears it). */
    CustomerDraft changes() {
        return new CustomerDraft(strip(email), strip(name), strip(phone), strip(description), null);
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    private static String orNull(String text) {
        return blank(text) ? null : text.strip();
    }

    private static String strip(String text) {
        return text == null ? "" : text.strip();
    }
}
