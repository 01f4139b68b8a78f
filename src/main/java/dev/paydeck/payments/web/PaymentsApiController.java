package dev.paydeck.payments.web;

import dev.paydeck.accounts.Caller;
import dev.paydeck.customers.CustomerId;
import dev.paydeck.customers.Customers;
import dev.paydeck.organizations.StripeCallView;
import dev.paydeck.payments.Charge;
import dev.paydeck.payments.InvalidPaymentException;
import dev.paydeck.payments.NoSuchPaymentException;
import dev.paydeck.payments.Payment;
import dev.paydeck.payments.PaymentId;
import dev.paydeck.payments.PaymentQuery;
import dev.paydeck.payments.PaymentRequest;
import dev.paydeck.payments.PaymentStateException;
import dev.paydeck.payments.PaymentStatus;
import dev.paydeck.payments.Payments;
import dev.paydeck.payments.Refund;
import dev.paydeck.shared.Money;
import dev.paydeck.shared.web.CursorPage;
import dev.paydeck.shared.web.ExampleAnswer;
import dev.paydeck.shared.web.ExampleRequest;
import dev.paydeck.shared.web.ProblemAnswer;
import dev.paydeck.shared.web.Problems;
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
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Payments (Stripe PaymentIntents) of the organization: create, confirm, capture, cancel, refund, history.
 * Amounts are integers in the currency's smallest unit, as Stripe counts them: {@code 2000} USD is $20.00,
 * {@code 500} JPY is ¥500.
 */
@RestController
@RequestMapping("/api/v1/payment-intents")
@Validated
@Tag(name = "Payments")
class PaymentsApiController {

    private final Payments payments;
    private final Customers customers;
    private final Clock clock;

    PaymentsApiController(Payments payments, Customers customers, Clock clock) {
        this.payments = payments;
        this.customers = customers;
        this.clock = clock;
    }

    record CreatePayment(
            @Schema(example = "2000", description = "Smallest currency unit (cents; whole yen for JPY)")
            @NotNull @Positive Long amount,
            @Schema(example = "usd") @NotBlank @Pattern(regexp = "^[A-Za-z]{3}$",
                    message = "must be a three-letter ISO currency code") String currency,
            @Schema(description = "An existing customer of the organization") UUID customerId,
            @Schema(example = "ada@example.com", description = "Creates a customer when customer_id is absent")
            @Email @Size(max = 254) String customerEmail,
            @Schema(example = "Ada Lovelace") @Size(max = 200) String customerName,
            @Schema(example = "Order #1042") @Size(max = 1000) String description,
            @Size(max = 50) Map<@Size(max = 40) String, @Size(max = 500) String> metadata,
            @Schema(example = "automatic", description = "manual: authorize now, capture later")
            @Pattern(regexp = "automatic|manual", message = "must be automatic or manual") String captureMethod,
            @Schema(example = "pm_card_visa") @Size(max = 255) String paymentMethod,
            @Schema(description = "Confirm at once (needs payment_method)") Boolean confirm,
            @Schema(description = "Charge a saved card while the customer is away") Boolean offSession,
            @Schema(example = "https://shop.example/return") @Size(max = 2048)
            @Pattern(regexp = "^https?://.+", message = "must be an http(s) URL") String returnUrl,
            @Email String receiptEmail,
            @Size(max = 22) @Pattern(regexp = "^[^<>\\\\'\"*]*$", message = "may not contain < > \\ ' \" or *")
            String statementDescriptor) {
    }

    record ConfirmPayment(@Schema(example = "pm_card_visa") @Size(max = 255) String paymentMethod,
                          @Pattern(regexp = "^https?://.+", message = "must be an http(s) URL") String returnUrl,
                          Boolean offSession) {
    }

    record CapturePayment(@Schema(example = "1500", description = "Omit to capture all that is authorized")
                          @Positive Long amount) {
    }

    record CancelPayment(@Schema(example = "requested_by_customer")
            @Pattern(regexp = "duplicate|fraudulent|requested_by_customer|abandoned",
            message = "must be duplicate, fraudulent, requested_by_customer or abandoned") String reason) {
    }

    record CreateRefund(@Schema(example = "500", description = "Omit to refund all that is left")
                        @Positive Long amount,
                        @Schema(example = "requested_by_customer")
                        @Pattern(regexp = "duplicate|fraudulent|requested_by_customer",
                                message = "must be duplicate, fraudulent or requested_by_customer") String reason) {
    }

    /** A payment as the API shows it, with its amount also formatted for people. */
    record PaymentView(
            UUID id,
            String stripePaymentIntentId,
            @Schema(description = "Stripe's PaymentIntent status, or pending/unknown") String status,
            long amount,
            String currency,
            String amountFormatted,
            long amountReceived,
            long amountCapturable,
            long amountRefunded,
            String captureMethod,
            UUID customerId,
            String description,
            Map<String, String> metadata,
            Payment.LastError lastPaymentError,
            OffsetDateTime createdAt,
            OffsetDateTime updatedAt) {
        static PaymentView of(Payment p) {
            return new PaymentView(p.id().id(), p.stripePaymentIntentId(), p.status().code(), p.amount().minor(),
                    p.amount().stripeCurrency(), p.amount().format(), p.amountReceived().minor(),
                    p.amountCapturable().minor(), p.amountRefunded().minor(), p.captureMethod(),
                    p.customerId() == null ? null : p.customerId().id(), p.description(), p.metadata(),
                    p.lastError(), p.createdAt(), p.updatedAt());
        }
    }

    /** A charge (an attempt to move money) as the API shows it. */
    record ChargeView(String id, long amount, long amountCaptured, long amountRefunded, String currency,
                      String status, boolean paid, boolean captured, String failureCode, String failureMessage,
                      String cardBrand, String cardLast4, long created) {
        static ChargeView of(Charge c) {
            return new ChargeView(c.id(), c.amount().minor(), c.amountCaptured().minor(), c.amountRefunded().minor(),
                    c.amount().stripeCurrency(), c.status(), c.paid(), c.captured(), c.failureCode(),
                    c.failureMessage(), c.cardBrand(), c.cardLast4(), c.created());
        }
    }

    /** A refund as the API shows it. */
    record RefundView(UUID id, String stripeRefundId, UUID paymentId, long amount, String currency, String reason,
                      @Schema(description = "Stripe's refund status, or pending/unknown") String status,
                      OffsetDateTime createdAt) {
        static RefundView of(Refund r) {
            return new RefundView(r.id().id(), r.stripeRefundId(), r.paymentId().id(), r.amount().minor(),
                    r.amount().stripeCurrency(), r.reason(), r.status().code(), r.createdAt());
        }
    }

    record CreatedPayment(PaymentView payment,
                          @Schema(description = "For Stripe.js") String clientSecret,
                          String publishableKey) {
    }

    /** A call Paydeck made to Stripe about the payment, as its log recorded it. */

    record PaymentDetail(PaymentView payment, List<ChargeView> charges, List<RefundView> refunds,
                         @Schema(description = "Every call Paydeck made to Stripe about this payment, oldest first")
                         List<StripeCallView> stripeCalls) {
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @ProblemAnswer(status = 402, example = PaymentExamples.DECLINED,
            description = "The card was declined (with confirm=true): code, decline_code, a message for the customer")
    @ProblemAnswer(status = 503, description = "Stripe did not answer; the payment is kept as pending",
            example = PaymentExamples.STRIPE_UNAVAILABLE)
    @ExampleAnswer(PaymentExamples.CREATED)
    @ExampleRequest("""
            {"amount": 2000, "currency": "usd", "customer_email": "ada@example.com", "customer_name": "Ada Lovelace",
             "description": "Order #1042", "metadata": {"order_id": "1042"}, "payment_method": "pm_card_visa",
             "confirm": true}""")
    @Operation(summary = "Create a payment", description = "Creates a Stripe PaymentIntent and Paydeck's record. "
            + "Returns the client_secret and publishable key for Stripe.js. With confirm=true and a payment_method "
            + "it is charged at once; a declined card answers 402 with code, decline_code and a message for the "
            + "customer. Send an Idempotency-Key header: a retry never charges twice.")
    CreatedPayment create(Caller caller, @Valid @RequestBody CreatePayment request,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
        caller.requireWrite();
        Money amount = new Money(request.amount(), Money.currency(request.currency())
                .orElseThrow(() -> new InvalidPaymentException("currency", "is not a currency Paydeck knows")));
        amount.chargeProblem().ifPresent(problem -> {
            throw new InvalidPaymentException("amount", problem);
        });
        boolean confirm = Boolean.TRUE.equals(request.confirm());
        if (confirm && request.paymentMethod() == null) {
            throw new InvalidPaymentException("payment_method", "is required to confirm at once");
        }
        var created = payments.create(caller.organization(), new PaymentRequest(amount,
                request.customerId() == null ? null : new CustomerId(request.customerId()),
                request.customerEmail(), request.customerName(), request.description(), request.metadata(),
                "manual".equals(request.captureMethod()), request.paymentMethod(), confirm,
                Boolean.TRUE.equals(request.offSession()), request.returnUrl(), request.receiptEmail(),
                request.statementDescriptor()), idempotencyKey, caller.actor());
        return new CreatedPayment(PaymentView.of(created.payment()), created.clientSecret(), created.publishableKey());
    }

    @GetMapping
    @ExampleAnswer(description = "A page of payments, newest first", value = PaymentExamples.PAGE)
    @Operation(summary = "Payment history", description = "Newest first, filtered by status, customer and creation "
            + "time (ISO-8601, e.g. 2026-11-01T00:00:00Z).")
    CursorPage<PaymentView> list(Caller caller,
            @Parameter(description = "pending, unknown, or a Stripe PaymentIntent status")
            @RequestParam(required = false) String status,
            @RequestParam(name = "customer_id", required = false) UUID customerId,
            @Parameter(description = "Created at or after") @RequestParam(name = "created_from", required = false)
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime createdFrom,
            @Parameter(description = "Created before") @RequestParam(name = "created_before", required = false)
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime createdBefore,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit,
            @RequestParam(name = "starting_after", required = false) UUID startingAfter) {
        PaymentStatus wanted = status == null ? null : PaymentStatus.parse(status)
                .orElseThrow(() -> new InvalidPaymentException("status", "is not a payment status"));
        return CursorPage.of(payments.list(caller.organization(), new PaymentQuery(wanted,
                customerId == null ? null : new CustomerId(customerId), createdFrom, createdBefore, limit + 1,
                startingAfter == null ? null : new PaymentId(startingAfter))), limit, Payment::id)
                .map(PaymentView::of);
    }

    @GetMapping(value = "/export", produces = "text/csv")
    @Operation(summary = "Payment history as CSV", description = "Every payment the list's filters match (no "
            + "paging), newest first, streamed: times in UTC, amounts in the currency's major unit (12.50) beside "
            + "their ISO currency. Columns: " + "id, created_at, status, amount, amount_received, amount_refunded, "
            + "currency, customer_id, customer_email, description, stripe_payment_intent_id, failure_code, "
            + "decline_code, failure_message.")
    @ApiResponse(responseCode = "200", description = "The CSV file",
            content = @Content(mediaType = "text/csv", schema = @Schema(type = "string", example = """
                    id,created_at,status,amount,amount_received,amount_refunded,currency,customer_id,customer_email,\
                    description,stripe_payment_intent_id,failure_code,decline_code,failure_message
                    8d3f5c2a-1b4e-4f6a-9c7d-2e8b0a1f3c5d,2026-11-24T09:30:00Z,succeeded,20.50,20.50,5.50,USD,\
                    6f1c2b9e-4a57-4d0e-9f3a-8c2d1e5b7a40,ada@example.com,"Order #1042, mugs",pi_3QxYbX2eZvKYlo2C,,,
                    """)))
    void export(Caller caller,
            @Parameter(description = "pending, unknown, or a Stripe PaymentIntent status")
            @RequestParam(required = false) String status,
            @RequestParam(name = "customer_id", required = false) UUID customerId,
            @Parameter(description = "Created at or after") @RequestParam(name = "created_from", required = false)
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime createdFrom,
            @Parameter(description = "Created before") @RequestParam(name = "created_before", required = false)
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime createdBefore,
            HttpServletResponse response) {
        PaymentStatus wanted = status == null ? null : PaymentStatus.parse(status)
                .orElseThrow(() -> new InvalidPaymentException("status", "is not a payment status"));
        PaymentQuery query = new PaymentQuery(wanted, customerId == null ? null : new CustomerId(customerId),
                createdFrom, createdBefore, Integer.MAX_VALUE, null);
        PaymentCsv.write(response, LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC), caller.organization(),
                customers, each -> payments.export(caller.organization(), query, each));
    }

    @GetMapping("/{id}")
    @ExampleAnswer(description = "The payment with its charges and refunds", value = PaymentExamples.DETAIL)
    @Operation(summary = "A payment with its charges, refunds and Stripe calls")
    PaymentDetail get(Caller caller, @PathVariable UUID id) {
        PaymentId paymentId = new PaymentId(id);
        Payment payment = payments.find(caller.organization(), paymentId).orElseThrow(NoSuchPaymentException::new);
        return new PaymentDetail(PaymentView.of(payment),
                payments.charges(caller.organization(), paymentId).stream().map(ChargeView::of).toList(),
                payments.refunds(caller.organization(), paymentId).stream().map(RefundView::of).toList(),
                payments.stripeCalls(caller.organization(), paymentId).stream().map(StripeCallView::of).toList());
    }

    @PostMapping("/{id}/confirm")
    @ProblemAnswer(status = 402, description = "The card was declined", example = PaymentExamples.DECLINED)
    @ExampleAnswer(description = "The payment, confirmed (requires_action when 3-D Secure must be done first; a "
            + "declined card answers 402)", value = PaymentExamples.SUCCEEDED)
    @ExampleRequest("""
            {"payment_method": "pm_card_visa", "return_url": "https://shop.example/return"}""")
    @Operation(summary = "Confirm a payment", description = "E.g. with another card after a decline.")
    PaymentView confirm(Caller caller, @PathVariable UUID id, @Valid @RequestBody ConfirmPayment request) {
        caller.requireWrite();
        return PaymentView.of(payments.confirm(caller.organization(), new PaymentId(id), request.paymentMethod(),
                request.returnUrl(), Boolean.TRUE.equals(request.offSession()), caller.actor()));
    }

    @PostMapping("/{id}/capture")
    @ProblemAnswer(status = 409, description = "The payment is not authorized, or less is left to capture",
            example = PaymentExamples.NOT_CAPTURABLE)
    @ExampleAnswer(description = "Captured (here 15.00 of 20.00 authorized)", value = PaymentExamples.CAPTURED)
    @Operation(summary = "Capture an authorized payment", description = "All of it, or a smaller amount.")
    PaymentView capture(Caller caller, @PathVariable UUID id, @Valid @RequestBody(required = false)
            CapturePayment request) {
        caller.requireWrite();
        return PaymentView.of(payments.capture(caller.organization(), new PaymentId(id),
                request == null ? null : request.amount(),
                caller.actor()));
    }

    @PostMapping("/{id}/cancel")
    @ProblemAnswer(status = 409, description = "The payment has succeeded or is canceled already",
            example = PaymentExamples.NOT_CANCELABLE)
    @ExampleAnswer(description = "Canceled", value = PaymentExamples.CANCELED)
    @Operation(summary = "Cancel a payment", description = "Releases an authorization; not for succeeded payments.")
    PaymentView cancel(Caller caller, @PathVariable UUID id, @Valid @RequestBody(required = false)
            CancelPayment request) {
        caller.requireWrite();
        return PaymentView.of(payments.cancel(caller.organization(), new PaymentId(id),
                request == null ? null : request.reason(),
                caller.actor()));
    }

    @PostMapping("/{id}/refunds")
    @ResponseStatus(HttpStatus.CREATED)
    @ProblemAnswer(status = 409, description = "More than is left to refund, or the payment has not succeeded",
            example = PaymentExamples.OVER_REFUND)
    @ExampleAnswer(description = "Refunded", value = PaymentExamples.REFUND)
    @Operation(summary = "Refund a payment", description = "All that is left, or part of it. Refunding more than is "
            + "left is refused before Stripe is called.")
    RefundView refund(Caller caller, @PathVariable UUID id,
            @Valid @RequestBody(required = false) CreateRefund request) {
        caller.requireWrite();
        return RefundView.of(payments.refund(caller.organization(), new PaymentId(id),
                request == null ? null : request.amount(), request == null ? null : request.reason(),
                caller.actor()));
    }

    @ExceptionHandler(NoSuchPaymentException.class)
    ResponseEntity<ProblemDetail> missing(NoSuchPaymentException e) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Problems.of(HttpStatus.NOT_FOUND, "not-found",
                e.getMessage()));
    }

    @ExceptionHandler(PaymentStateException.class)
    ResponseEntity<ProblemDetail> state(PaymentStateException e) {
        return ResponseEntity.status(HttpStatus.CONFLICT).body(Problems.of(HttpStatus.CONFLICT,
                "payment-state", e.getMessage()));
    }

    @ExceptionHandler(InvalidPaymentException.class)
    ResponseEntity<ProblemDetail> invalid(InvalidPaymentException e) {
        return ResponseEntity.badRequest().body(Problems.invalidFields(List.of(Map.of("field", e.field(),
                "message", e.getMessage()))));
    }
}
