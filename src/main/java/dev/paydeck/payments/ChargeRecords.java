package dev.paydeck.payments;

import dev.paydeck.shared.Money;
import dev.paydeck.shared.OrganizationId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.util.List;

/**
 * The {@code charges} table: each payment's attempts as Stripe reported them. Captured and refunded amounts only
 * grow, whichever snapshot arrives last.
 */
@Repository
class ChargeRecords {

    private final JdbcClient jdbc;

    ChargeRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void apply(OrganizationId organization, PaymentId paymentId, com.stripe.model.Charge charge) {
        var card = charge.getPaymentMethodDetails() == null ? null : charge.getPaymentMethodDetails().getCard();
        jdbc.sql("""
                insert into charges (organization_id, id, payment_id, amount, amount_captured, amount_refunded,
                    currency, status, paid, captured, failure_code, failure_message, card_brand, card_last4, created)
                values (:organization, :id, :payment, :amount, :captured_amount, :refunded, :currency, :status,
                    :paid, :captured, :failure_code, :failure_message, :brand, :last4, :created)
                on conflict (organization_id, id) do update set
                    amount_captured = greatest(charges.amount_captured, excluded.amount_captured),
                    amount_refunded = greatest(charges.amount_refunded, excluded.amount_refunded),
                    status = excluded.status, paid = excluded.paid,
                    captured = excluded.captured, failure_code = excluded.failure_code,
                    failure_message = excluded.failure_message""")
                .param("organization", organization.id()).param("id", charge.getId())
                .param("payment", paymentId.id()).param("amount", charge.getAmount())
                .param("captured_amount", PaymentRecords.orZero(charge.getAmountCaptured()))
                .param("refunded", PaymentRecords.orZero(charge.getAmountRefunded()))
                .param("currency", charge.getCurrency())
                .param("status", charge.getStatus()).param("paid", Boolean.TRUE.equals(charge.getPaid()))
                .param("captured", Boolean.TRUE.equals(charge.getCaptured()))
                .param("failure_code", charge.getFailureCode()).param("failure_message", charge.getFailureMessage())
                .param("brand", card == null ? null : card.getBrand())
                .param("last4", card == null ? null : card.getLast4()).param("created", charge.getCreated())
                .update();
    }

    List<Charge> ofPayment(OrganizationId organization, PaymentId paymentId) {
        return jdbc.sql("select * from charges where organization_id = ? and payment_id = ? order by created, id")
                .params(organization.id(), paymentId.id())
                .query((rs, row) -> {
                    Money amount = Money.of(rs.getLong("amount"), rs.getString("currency"));
                    return new Charge(rs.getString("id"), amount, amount.withMinor(rs.getLong("amount_captured")),
                            amount.withMinor(rs.getLong("amount_refunded")), rs.getString("status"),
                            rs.getBoolean("paid"), rs.getBoolean("captured"), rs.getString("failure_code"),
                            rs.getString("failure_message"), rs.getString("card_brand"), rs.getString("card_last4"),
                            rs.getLong("created"));
                })
                .list();
    }
}
