package dev.paydeck.billing.web;

import dev.paydeck.billing.InvoiceDraft;
import dev.paydeck.billing.PriceId;
import dev.paydeck.customers.CustomerId;
import dev.paydeck.shared.Money;
import dev.paydeck.shared.Uuids;
import org.springframework.validation.BindingResult;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The new-invoice form: a customer, its lines (each a price of the catalog and a quantity, or a free amount with a
 * description; lines are added and removed by posting the form back), tax rates, a coupon and how it is collected.
 * {@code idempotencyKey} is the form's hidden key, so that a form submitted twice makes one invoice. A mutable bean,
 * as Spring binds indexed lines ({@code lines[1].amount}) into one.
 */
public class InvoiceForm {

    private static final Pattern TAX_RATE = Pattern.compile("^txr_[A-Za-z0-9_]+$");
    private static final Pattern COUPON = Pattern.compile("^[A-Za-z0-9_-]{1,200}$");

    /** One line of the form. */
    public static class LineForm {
        private String price = "";
        private String amount = "";
        private String description = "";
        private String quantity = "1";
        private String taxRate = "";

        public String getPrice() {
            return price;
        }

        public void setPrice(String price) {
            this.price = price;
        }

        public String getAmount() {
            return amount;
        }

        public void setAmount(String amount) {
            this.amount = amount;
        }

        public String getDescription() {
            return description;
        }

        public void setDescription(String description) {
            this.description = description;
        }

        public String getQuantity() {
            return quantity;
        }

        public void setQuantity(String quantity) {
            this.quantity = quantity;
        }

        public String getTaxRate() {
            return taxRate;
        }

        public void setTaxRate(String taxRate) {
            this.taxRate = taxRate;
        }
    }

    static final int MOST_LINES = 20;

    private String customer = "";
    private List<LineForm> lines = new ArrayList<>(List.of(new LineForm()));
    private String currency = "usd";
    private String taxRate = "";
    private String coupon = "";
    private String collectionMethod = "charge_automatically";
    private String daysUntilDue = "30";
    private String description = "";
    private String idempotencyKey = UUID.randomUUID().toString();

    public String getCustomer() {
        return customer;
    }

    public void setCustomer(String customer) {
        this.customer = customer;
    }

    public List<LineForm> getLines() {
        return lines;
    }

    public void setLines(List<LineForm> lines) {
        this.lines = lines;
    }

    public String getCurrency() {
        return currency;
    }

    public void setCurrency(String currency) {
        this.currency = currency;
    }

    public String getTaxRate() {
        return taxRate;
    }

    public void setTaxRate(String taxRate) {
        this.taxRate = taxRate;
    }

    public String getCoupon() {
        return coupon;
    }

    public void setCoupon(String coupon) {
        this.coupon = coupon;
    }

    public String getCollectionMethod() {
        return collectionMethod;
    }

    public void setCollectionMethod(String collectionMethod) {
        this.collectionMethod = collectionMethod;
    }

    public String getDaysUntilDue() {
        return daysUntilDue;
    }

    public void setDaysUntilDue(String daysUntilDue) {
        this.daysUntilDue = daysUntilDue;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public String getIdempotencyKey() {
        return idempotencyKey;
    }

    public void setIdempotencyKey(String idempotencyKey) {
        this.idempotencyKey = idempotencyKey;
    }

    /**
     * The form as an invoice draft, or empty with the errors at their fields; {@code customerKnown} says whether a customer
     * is one of the organization's.
     */
    Optional<InvoiceDraft> toDraft(Predicate<CustomerId> customerKnown, BindingResult errors) {
        CustomerId customer = Uuids.parse(getCustomer()).map(CustomerId::new).filter(customerKnown).orElse(null);
        if (customer == null) {
            errors.rejectValue("customer", "invoices.error.customer");
        }
        String currency = getCurrency() == null ? "" : getCurrency().strip().toLowerCase(Locale.ROOT);
        List<InvoiceDraft.Line> lines = new ArrayList<>();
        for (int i = 0; i < getLines().size(); i++) {
            InvoiceForm.LineForm line = getLines().get(i);
            String at = "lines[" + i + "].";
            List<String> taxRates = List.of();
            if (!blank(line.getTaxRate())) {
                if (!TAX_RATE.matcher(line.getTaxRate().strip()).matches()) {
                    errors.rejectValue(at + "taxRate", "invoices.error.tax-rate");
                } else {
                    taxRates = List.of(line.getTaxRate().strip());
                }
            }
            long quantity = 1;
            try {
                quantity = Long.parseLong(blank(line.getQuantity()) ? "1" : line.getQuantity().strip());
            } catch (NumberFormatException e) {
                quantity = 0;
            }
            if (quantity < 1 || quantity > 10_000) {
                errors.rejectValue(at + "quantity", "invoices.error.quantity");
            }
            if (!blank(line.getPrice())) {
                PriceId price = Uuids.parse(line.getPrice()).map(PriceId::new).orElse(null);
                if (price == null) {
                    errors.rejectValue(at + "price", "invoices.error.price");
                } else {
                    lines.add(new InvoiceDraft.Line(price, null, blank(line.getDescription()) ? null
                            : line.getDescription().strip(), quantity, taxRates));
                }
                continue;
            }
            Optional<Money> amount = Money.currency(currency).flatMap(known -> Money.parse(line.getAmount(), known))
                    .filter(money -> money.minor() > 0 && money.minor() <= Money.MAXIMUM_MINOR);
            if (amount.isEmpty()) {
                errors.rejectValue(at + "amount", "invoices.error.amount");
            }
            if (blank(line.getDescription())) {
                errors.rejectValue(at + "description", "invoices.error.description");
            }
            if (amount.isPresent()) {
                lines.add(new InvoiceDraft.Line(null, amount.get(), line.getDescription(), 1, taxRates));
            }
        }
        List<String> taxRates = List.of();
        if (!blank(getTaxRate())) {
            if (!TAX_RATE.matcher(getTaxRate().strip()).matches()) {
                errors.rejectValue("taxRate", "invoices.error.tax-rate");
            } else {
                taxRates = List.of(getTaxRate().strip());
            }
        }
        if (!blank(getCoupon()) && !COUPON.matcher(getCoupon().strip()).matches()) {
            errors.rejectValue("coupon", "invoices.error.coupon");
        }
        boolean sendInvoice = InvoiceDraft.SEND_INVOICE.equals(getCollectionMethod());
        if (!sendInvoice && !InvoiceDraft.CHARGE_AUTOMATICALLY.equals(getCollectionMethod())) {
            errors.rejectValue("collectionMethod", "invoices.error.collection-method");
        }
        Integer days = null;
        if (sendInvoice) {
            try {
                days = Integer.parseInt(blank(getDaysUntilDue()) ? "30" : getDaysUntilDue().strip());
            } catch (NumberFormatException e) {
                days = -1;
            }
            if (days < 0 || days > 730) {
                errors.rejectValue("daysUntilDue", "invoices.error.days-until-due");
            }
        }
        if (errors.hasErrors()) {
            return Optional.empty();
        }
        return Optional.of(new InvoiceDraft(customer, lines, taxRates, blank(getCoupon()) ? null
                : getCoupon().strip(), sendInvoice ? InvoiceDraft.SEND_INVOICE
                : InvoiceDraft.CHARGE_AUTOMATICALLY, days, blank(getDescription()) ? null
                : getDescription().strip(), null));
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
