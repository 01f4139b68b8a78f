package dev.paydeck.billing.web;

import dev.paydeck.accounts.Caller;
import dev.paydeck.billing.CreditNotes;
import dev.paydeck.billing.Invoice;
import dev.paydeck.billing.InvoiceAction;
import dev.paydeck.billing.InvoiceDraft;
import dev.paydeck.billing.InvoiceId;
import dev.paydeck.billing.InvoiceQuery;
import dev.paydeck.billing.InvoiceStatus;
import dev.paydeck.billing.Invoices;
import dev.paydeck.billing.PriceId;
import dev.paydeck.billing.web.InvoiceViews.CreditNoteView;
import dev.paydeck.billing.web.InvoiceViews.InvoiceDetail;
import dev.paydeck.billing.web.InvoiceViews.InvoiceView;
import dev.paydeck.billing.web.InvoiceViews.LineView;
import dev.paydeck.billing.web.InvoiceViews.StatisticsView;
import dev.paydeck.organizations.StripeCallView;
import dev.paydeck.customers.CustomerId;
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
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
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
import org.springframework.web.server.ResponseStatusException;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The organization's invoices, made in its Stripe and kept in Paydeck (with those made in the Stripe dashboard or by
 * subscriptions). Amounts are integers in the currency's smallest unit, as Stripe counts them.
 */
@RestController
@RequestMapping("/api/v1/invoices")
@Validated
@Tag(name = "Invoices")
class InvoicesApiController {

    static final String INVOICE_EXAMPLE = """
            {"id": "5c0e2b7a-9d4f-4a1e-8b3c-6f2d1e0a9b8c", "stripe_invoice_id": "in_1QxYbX2eZvKYlo2C",
             "customer_id": "6f1c2b9e-4a57-4d0e-9f3a-8c2d1e5b7a40", "stripe_customer_id": "cus_QxYbX2eZvKYlo2",
             "status": "open", "overdue": false, "collection_method": "send_invoice", "number": "A1B2C3D4-0001",
             "currency": "usd", "subtotal": 5000, "tax": 900, "discount": 500, "total": 5400,
             "total_formatted": "$54.00", "amount_due": 5400, "amount_paid": 0, "amount_remaining": 5400,
             "due_date": "2026-12-24T09:30:00Z",
             "hosted_invoice_url": "https://paydeck.example/sandbox/invoices/in_1QxYbX2eZvKYlo2C",
             "invoice_pdf": "https://paydeck.example/sandbox/invoices/in_1QxYbX2eZvKYlo2C/pdf",
             "paid_out_of_band": false, "finalized_at": "2026-11-24T09:30:00Z",
             "created_at": "2026-11-24T09:30:00Z", "updated_at": "2026-11-24T09:30:00Z"}""";
    private static final String DETAIL_EXAMPLE = "{\"invoice\": " + INVOICE_EXAMPLE + """
            , "lines": [{"stripe_line_id": "il_1QxYbX2eZvKYlo2C", "description": "Pro plan", "quantity": 2,
             "stripe_price_id": "price_1QxYbX2eZvKYlo2", "amount": 3000, "tax": 486, "discount": 300,
             "tax_rates": ["txr_1QxYbX2eZvKYlo2"]},
             {"stripe_line_id": "il_1QxYbX2eZvKYlo2D", "description": "Setup", "quantity": 1, "amount": 2000,
             "tax": 414, "discount": 200, "tax_rates": ["txr_1QxYbX2eZvKYlo2"]}],
             "credit_notes": [],
             "stripe_calls": [{"method": "POST", "path": "/v1/invoices",
             "idempotency_key": "paydeck-invoice-5c0e2b7a-9d4f-4a1e-8b3c-6f2d1e0a9b8c", "status": 200,
             "latency_ms": 41, "at": "2026-11-24T09:30:00Z"}]}""";
    private static final String TAX_RATE = "^txr_[A-Za-z0-9_]+$";

    private final Invoices invoices;
    private final CreditNotes creditNotes;

    InvoicesApiController(Invoices invoices, CreditNotes creditNotes) {
        this.invoices = invoices;
        this.creditNotes = creditNotes;
    }

    record CreateCreditNote(
            @Schema(example = "1500", description = "What is given back, in the smallest currency unit")
            @NotNull @Positive @Max(Money.MAXIMUM_MINOR) Long amount,
            @Schema(example = "order_change", description = "duplicate, fraudulent, order_change or "
                    + "product_unsatisfactory")
            @Pattern(regexp = "duplicate|fraudulent|order_change|product_unsatisfactory",
                    message = "must be duplicate, fraudulent, order_change or product_unsatisfactory") String reason,
            @Schema(example = "One hour less than invoiced") @Size(max = 500) String memo) {
    }

    record LineRequest(
            @Schema(description = "A one-time price of the catalog (Paydeck's id); or give amount and description")
            UUID priceId,
            @Schema(example = "2", description = "Units of the price (default 1)") @Min(1) @Max(10_000) Long quantity,
            @Schema(example = "2000", description = "A free amount for the line, in the smallest currency unit")
            @Positive @Max(Money.MAXIMUM_MINOR) Long amount,
            @Schema(example = "usd", description = "The free amount's currency")
            @Pattern(regexp = "^[A-Za-z]{3}$", message = "must be a three-letter ISO currency code") String currency,
            @Schema(example = "Setup") @Size(max = 500) String description,
            @Schema(example = "[\"txr_1QxYbX2eZvKYlo2\"]", description = "Stripe tax rates for this line")
            @Size(max = 5) List<@Pattern(regexp = TAX_RATE, message = "must be a Stripe tax rate id (txr_…)")
                    String> taxRates) {
    }

    record CreateInvoice(
            @Schema(description = "The customer (Paydeck's id)") @NotNull UUID customerId,
            @NotEmpty @Size(max = 50) List<@Valid @NotNull LineRequest> lines,
            @Schema(example = "[\"txr_1QxYbX2eZvKYlo2\"]", description = "Stripe tax rates for every line that has "
                    + "none of its own")
            @Size(max = 5) List<@Pattern(regexp = TAX_RATE, message = "must be a Stripe tax rate id (txr_…)")
                    String> taxRates,
            @Schema(example = "SUMMER10", description = "A Stripe coupon's id, as a discount on the invoice")
            @Size(max = 200) @Pattern(regexp = "^[A-Za-z0-9_-]+$", message = "must be a Stripe coupon id")
            String coupon,
            @Schema(example = "send_invoice", description = "charge_automatically (default: the customer's default "
                    + "payment method is charged when it is paid) or send_invoice (the customer pays it on its page)")
            @Pattern(regexp = "charge_automatically|send_invoice",
                    message = "must be charge_automatically or send_invoice") String collectionMethod,
            @Schema(example = "14", description = "For send_invoice: days from finalizing to the due date "
                    + "(default 30)") @Min(0) @Max(730) Integer daysUntilDue,
            @Schema(example = "November consulting") @Size(max = 1000) String description,
            @Size(max = 50) Map<@Size(max = 40) String, @Size(max = 500) String> metadata) {
    }

    record PayInvoice(
            @Schema(example = "pm_card_visa", description = "A payment method to charge instead of the customer's "
                    + "default") @Size(max = 255) String paymentMethod,
            @Schema(example = "false", description = "true: record a payment made outside Stripe (cash, bank "
                    + "transfer) instead of charging") Boolean paidOutOfBand) {
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @ExampleRequest("""
            {"customer_id": "6f1c2b9e-4a57-4d0e-9f3a-8c2d1e5b7a40",
             "lines": [{"price_id": "3a7e5c1d-2b4f-4e6a-9c8d-0f1e2d3c4b5a", "quantity": 2},
                       {"amount": 2000, "currency": "usd", "description": "Setup"}],
             "tax_rates": ["txr_1QxYbX2eZvKYlo2"], "coupon": "SUMMER10",
             "collection_method": "send_invoice", "days_until_due": 14}""")
    @ExampleAnswer(INVOICE_EXAMPLE)
    @ProblemAnswer(status = 400, description = "A line, customer, tax rate or coupon Stripe or Paydeck refuses",
            example = """
                    {"type": "https://paydeck.dev/problems/validation", "title": "Bad Request", "status": 400,
                     "detail": "The request has invalid fields.",
                     "errors": [{"field": "lines[0].price_id", "message": "There is no such price."}]}""")
    @Operation(summary = "Create an invoice", description = "Creates a draft invoice for a customer in the "
            + "organization's Stripe, with its lines (a one-time price of the catalog times a quantity, or a free "
            + "amount with a description), tax rates and a coupon; finalize it to give it a number and its hosted "
            + "page. Send an Idempotency-Key header to retry safely. When Stripe cannot be reached the answer is "
            + "503 with the invoice_id: the invoice stays `unknown` and Paydeck finishes the creation later.")
    InvoiceView create(Caller caller, @Valid @RequestBody CreateInvoice request,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
        caller.requireWrite();
        List<InvoiceDraft.Line> lines = new java.util.ArrayList<>();
        for (int i = 0; i < request.lines().size(); i++) {
            lines.add(line(request.lines().get(i), i));
        }
        InvoiceDraft draft = new InvoiceDraft(new CustomerId(request.customerId()), lines,
                request.taxRates() == null ? List.of() : request.taxRates(), blankToNull(request.coupon()),
                request.collectionMethod() == null ? InvoiceDraft.CHARGE_AUTOMATICALLY : request.collectionMethod(),
                request.daysUntilDue(), blankToNull(request.description()), request.metadata());
        return InvoiceView.of(invoices.create(caller.organization(), draft, caller.actor(), idempotencyKey),
                invoices.now());
    }

    private static InvoiceDraft.Line line(LineRequest line, int index) {
        String field = "lines[" + index + "]";
        List<String> taxRates = line.taxRates() == null ? List.of() : line.taxRates();
        long quantity = line.quantity() == null ? 1 : line.quantity();
        if (line.priceId() != null) {
            if (line.amount() != null) {
                throw new Invoices.InvalidInvoiceException(field + ".amount", "Give a price_id or an amount, not both.");
            }
            return new InvoiceDraft.Line(new PriceId(line.priceId()), null, blankToNull(line.description()),
                    quantity, taxRates);
        }
        if (line.amount() == null) {
            throw new Invoices.InvalidInvoiceException(field, "A line needs a price_id, or an amount and a "
                    + "description.");
        }
        if (line.currency() == null) {
            throw new Invoices.InvalidInvoiceException(field + ".currency", "A free amount needs its currency.");
        }
        if (quantity != 1) {
            throw new Invoices.InvalidInvoiceException(field + ".quantity", "A free amount is the line's total: "
                    + "its quantity is 1.");
        }
        Money amount = new Money(line.amount(), Money.currency(line.currency()).orElseThrow(() ->
                new Invoices.InvalidInvoiceException(field + ".currency", "Not a currency Paydeck knows.")));
        return new InvoiceDraft.Line(null, amount, blankToNull(line.description()), 1, taxRates);
    }

    @GetMapping
    @ExampleAnswer(description = "A page of invoices, newest first", value = "{\"data\": [" + INVOICE_EXAMPLE
            + "], \"has_more\": false}")
    @Operation(summary = "List invoices", description = "Newest first, filtered by status, customer, creation time "
            + "(ISO-8601, e.g. 2026-11-01T00:00:00Z) and overdue (open and past their due date); pass the last id "
            + "as starting_after for the next page.")
    CursorPage<InvoiceView> list(Caller caller,
            @Parameter(description = "draft, open, paid, uncollectible, void (or pending, unknown, deleted)")
            @RequestParam(required = false) String status,
            @RequestParam(name = "customer_id", required = false) UUID customerId,
            @Parameter(description = "Created at or after") @RequestParam(name = "created_from", required = false)
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime createdFrom,
            @Parameter(description = "Created before") @RequestParam(name = "created_before", required = false)
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime createdBefore,
            @Parameter(description = "true: only open invoices past their due date")
            @RequestParam(required = false, defaultValue = "false") boolean overdue,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit,
            @Parameter(description = "Id of the last invoice of the previous page")
            @RequestParam(name = "starting_after", required = false) UUID startingAfter) {
        InvoiceQuery query = query(status, customerId, createdFrom, createdBefore, overdue, limit + 1,
                startingAfter);
        Instant now = invoices.now();
        return CursorPage.of(invoices.list(caller.organization(), query), limit, Invoice::id)
                .map(invoice -> InvoiceView.of(invoice, now));
    }

    @GetMapping(value = "/export", produces = "text/csv")
    @Operation(summary = "Invoices as CSV", description = "Every invoice the list's filters match (no paging), "
            + "newest first, streamed: times in UTC, amounts in the currency's major unit (12.50) beside their ISO "
            + "currency. Columns: id, number, created_at, status, overdue, collection_method, due_date, customer_id, "
            + "stripe_customer_id, currency, subtotal, tax, discount, total, amount_due, amount_paid, "
            + "amount_remaining, paid_at, stripe_invoice_id, hosted_invoice_url.")
    @ApiResponse(responseCode = "200", description = "The CSV file",
            content = @Content(mediaType = "text/csv", schema = @Schema(type = "string", example = """
                    id,number,created_at,status,overdue,collection_method,due_date,customer_id,stripe_customer_id,\
                    currency,subtotal,tax,discount,total,amount_due,amount_paid,amount_remaining,paid_at,\
                    stripe_invoice_id,hosted_invoice_url
                    5c0e2b7a-9d4f-4a1e-8b3c-6f2d1e0a9b8c,A1B2C3D4-0001,2026-11-24T09:30:00Z,open,false,send_invoice,\
                    2026-12-08T09:30:00Z,6f1c2b9e-4a57-4d0e-9f3a-8c2d1e5b7a40,cus_QxYbX2eZvKYlo2,USD,50.00,9.00,5.00,\
                    54.00,54.00,0.00,54.00,,in_1QxYbX2eZvKYlo2C,https://paydeck.example/sandbox/invoices/in_1QxYbX2eZ
                    """)))
    void export(Caller caller,
            @Parameter(description = "draft, open, paid, uncollectible, void (or pending, unknown, deleted)")
            @RequestParam(required = false) String status,
            @RequestParam(name = "customer_id", required = false) UUID customerId,
            @Parameter(description = "Created at or after") @RequestParam(name = "created_from", required = false)
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime createdFrom,
            @Parameter(description = "Created before") @RequestParam(name = "created_before", required = false)
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime createdBefore,
            @Parameter(description = "true: only open invoices past their due date")
            @RequestParam(required = false, defaultValue = "false") boolean overdue,
            HttpServletResponse response) {
        InvoiceQuery query = query(status, customerId, createdFrom, createdBefore, overdue, Integer.MAX_VALUE, null);
        InvoiceCsv.write(response, invoices.now(), each -> invoices.export(caller.organization(), query, each));
    }

    @GetMapping("/statistics")
    @ExampleAnswer(description = "Open, overdue, paid and uncollectible invoices per currency", value = """
            {"from": "2026-10-25T00:00:00Z", "to": "2026-11-24T00:00:00Z", "currencies": [{"currency": "usd",
             "open": {"count": 3, "amount": 16200, "amount_formatted": "$162.00"},
             "overdue": {"count": 1, "amount": 5400, "amount_formatted": "$54.00"},
             "paid": {"count": 12, "amount": 64800, "amount_formatted": "$648.00"},
             "uncollectible": {"count": 0, "amount": 0, "amount_formatted": "$0.00"}}]}""")
    @Operation(summary = "Invoice statistics", description = "For the invoices created in [from, to) (default: the "
            + "last 30 days), per currency: how many are open (not yet due), overdue (open, past due), paid and "
            + "uncollectible, and for how much (paid: what was paid; the others: what remains due).")
    StatisticsView statistics(Caller caller,
            @Parameter(description = "From (inclusive), ISO-8601") @RequestParam(required = false)
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime from,
            @Parameter(description = "To (exclusive), ISO-8601") @RequestParam(required = false)
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime to) {
        Instant end = to == null ? invoices.now() : to.toInstant();
        Instant start = from == null ? end.minus(Duration.ofDays(30)) : from.toInstant();
        if (!start.isBefore(end)) {
            throw new Invoices.InvalidInvoiceException("from", "must be before to");
        }
        return StatisticsView.of(invoices.statistics(caller.organization(), start, end));
    }

    @GetMapping("/{id}")
    @ExampleAnswer(description = "The invoice with its lines and Stripe calls", value = DETAIL_EXAMPLE)
    @Operation(summary = "An invoice with its lines", description = "Its totals, status, hosted page and PDF (once "
            + "finalized), each line as Stripe computed it, and every call Paydeck made to Stripe about it.")
    InvoiceDetail get(Caller caller, @PathVariable UUID id) {
        InvoiceId invoiceId = new InvoiceId(id);
        Invoice invoice = invoices.find(caller.organization(), invoiceId).orElseThrow(InvoicesApiController::notFound);
        return new InvoiceDetail(InvoiceView.of(invoice, invoices.now()),
                invoices.lines(caller.organization(), invoiceId).stream().map(LineView::of).toList(),
                creditNotes.ofInvoice(caller.organization(), invoiceId).stream().map(CreditNoteView::of).toList(),
                invoices.stripeCalls(caller.organization(), invoiceId).stream().map(StripeCallView::of).toList());
    }

    @PostMapping("/{id}/finalize")
    @ExampleAnswer(description = "The invoice, open", value = INVOICE_EXAMPLE)
    @Operation(summary = "Finalize an invoice", description = "A draft becomes open: it gets its number, due date, "
            + "hosted page and PDF, and can no longer change. 409 when it is not a draft.")
    InvoiceView finalizeInvoice(Caller caller, @PathVariable UUID id) {
        return act(caller, id, InvoiceAction.FINALIZE, null);
    }

    @PostMapping("/{id}/send")
    @ExampleAnswer(description = "The invoice, sent", value = INVOICE_EXAMPLE)
    @Operation(summary = "Send an invoice", description = "Stripe mails the invoice to its customer (finalizing a "
            + "draft first). 409 unless it is a draft or open.")
    InvoiceView send(Caller caller, @PathVariable UUID id) {
        return act(caller, id, InvoiceAction.SEND, null);
    }

    @PostMapping("/{id}/pay")
    @ExampleRequest("""
            {"payment_method": "pm_card_visa", "paid_out_of_band": false}""")
    @ExampleAnswer(description = "The invoice, paid", value = INVOICE_EXAMPLE)
    @ProblemAnswer(status = 402, description = "The card was declined", example = """
            {"type": "https://paydeck.dev/problems/card-declined", "title": "Payment Required", "status": 402,
             "detail": "Your card was declined.", "code": "card_declined", "decline_code": "generic_decline"}""")
    @Operation(summary = "Pay an invoice", description = "Charges the customer now (their default payment method, "
            + "or payment_method), or with paid_out_of_band=true records a payment made outside Stripe. A draft is "
            + "finalized first. 409 when it is paid or void.")
    InvoiceView pay(Caller caller, @PathVariable UUID id, @Valid @RequestBody(required = false) PayInvoice request) {
        boolean outOfBand = request != null && Boolean.TRUE.equals(request.paidOutOfBand());
        String paymentMethod = request == null ? null : blankToNull(request.paymentMethod());
        if (outOfBand && paymentMethod != null) {
            throw new Invoices.InvalidInvoiceException("payment_method", "A payment made outside Stripe takes no "
                    + "payment method.");
        }
        return act(caller, id, outOfBand ? InvoiceAction.PAY_OUT_OF_BAND : InvoiceAction.PAY, paymentMethod);
    }

    @PostMapping("/{id}/void")
    @ExampleAnswer(description = "The invoice, void", value = INVOICE_EXAMPLE)
    @Operation(summary = "Void an invoice", description = "An open or uncollectible invoice is cancelled for good "
            + "(its number stays used). 409 otherwise.")
    InvoiceView voidInvoice(Caller caller, @PathVariable UUID id) {
        return act(caller, id, InvoiceAction.VOID, null);
    }

    @PostMapping("/{id}/mark-uncollectible")
    @ExampleAnswer(description = "The invoice, uncollectible", value = INVOICE_EXAMPLE)
    @Operation(summary = "Mark an invoice uncollectible", description = "An open invoice is written off as bad "
            + "debt; it may still be paid or voided later. 409 otherwise.")
    InvoiceView markUncollectible(Caller caller, @PathVariable UUID id) {
        return act(caller, id, InvoiceAction.MARK_UNCOLLECTIBLE, null);
    }

    @PostMapping("/{id}/credit-notes")
    @ResponseStatus(HttpStatus.CREATED)
    @ExampleRequest("""
            {"amount": 1500, "reason": "order_change", "memo": "One hour less than invoiced"}""")
    @ExampleAnswer("""
            {"id": "9e1d4c2b-7a3f-4b5e-8c6d-1f2e3d4c5b6a", "stripe_credit_note_id": "cn_1QxYbX2eZvKYlo2C",
             "number": "A1B2C3D4-0001-CN-01", "amount": 1500, "currency": "usd", "amount_formatted": "$15.00",
             "reason": "order_change", "memo": "One hour less than invoiced", "status": "issued", "refunded": true,
             "created_at": "2026-11-25T10:00:00Z"}""")
    @Operation(summary = "Issue a credit note on a paid invoice", description = "Gives back part or all of what was "
            + "paid: refunded to the invoice's payment, or, for an invoice paid outside Stripe, recorded as given "
            + "back outside it. In all, never more than what was paid. 409 unless the invoice is paid.")
    CreditNoteView creditNote(Caller caller, @PathVariable UUID id, @Valid @RequestBody CreateCreditNote request) {
        caller.requireWrite();
        return creditNotes.create(caller.organization(), new InvoiceId(id), request.amount(), request.reason(),
                        blankToNull(request.memo())).map(CreditNoteView::of)
                .orElseThrow(InvoicesApiController::notFound);
    }

    private InvoiceView act(Caller caller, UUID id, InvoiceAction action, String paymentMethod) {
        caller.requireWrite();
        return invoices.act(caller.organization(), new InvoiceId(id), action, paymentMethod, caller.actor())
                .map(invoice -> InvoiceView.of(invoice, invoices.now()))
                .orElseThrow(InvoicesApiController::notFound);
    }

    private static InvoiceQuery query(String status, UUID customerId, OffsetDateTime createdFrom,
            OffsetDateTime createdBefore, boolean overdue, int limit, UUID startingAfter) {
        InvoiceStatus wanted = status == null || status.isBlank() ? null : InvoiceStatus.parse(status)
                .orElseThrow(() -> new Invoices.InvalidInvoiceException("status", "is not an invoice status"));
        return new InvoiceQuery(wanted, customerId == null ? null : new CustomerId(customerId), createdFrom,
                createdBefore, overdue, limit, startingAfter == null ? null : new InvoiceId(startingAfter));
    }

    @ExceptionHandler(Invoices.InvalidInvoiceException.class)
    ResponseEntity<ProblemDetail> invalid(Invoices.InvalidInvoiceException e) {
        return ResponseEntity.badRequest().body(Problems.invalidFields(List.of(Map.of("field", e.field(),
                "message", e.getMessage()))));
    }

    @ExceptionHandler(Invoices.InvoiceStateException.class)
    ResponseEntity<ProblemDetail> state(Invoices.InvoiceStateException e) {
        return ResponseEntity.status(HttpStatus.CONFLICT).body(Problems.of(HttpStatus.CONFLICT, "invoice-state",
                e.getMessage()));
    }

    private static ResponseStatusException notFound() {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, "There is no such invoice.");
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
