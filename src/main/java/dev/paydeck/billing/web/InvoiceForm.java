package dev.paydeck.billing.web;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The new-invoice form: a customer, its lines (each a price of the catalog and a quantity, or a free amount with a
 * description; lines are added and removed by posting the form back), tax rates, a coupon and how it is collected.
 * {@code idempotencyKey} is the form's hidden key, so that a form submitted twice makes one invoice. A mutable bean,
 * as Spring binds indexed lines ({@code lines[1].amount}) into one.
 */
public class InvoiceForm {

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
}
