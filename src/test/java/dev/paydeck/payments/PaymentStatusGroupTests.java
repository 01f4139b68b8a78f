package dev.paydeck.payments;

import dev.paydeck.shared.Money;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The chip a payment shows, and the groups the payments page filters by. */
class PaymentStatusGroupTests {

    @Test
    void aPaymentShowsTheMostTellingGroupItBelongsTo() {
        assertThat(PaymentStatusGroup.of(payment(PaymentStatus.SUCCEEDED, 0, null))).isEqualTo(PaymentStatusGroup.SUCCEEDED);
        assertThat(PaymentStatusGroup.of(payment(PaymentStatus.SUCCEEDED, 500, null))).isEqualTo(PaymentStatusGroup.REFUNDED);
        assertThat(PaymentStatusGroup.of(payment(PaymentStatus.REQUIRES_CAPTURE, 0, null)))
                .isEqualTo(PaymentStatusGroup.UNCAPTURED);
        assertThat(PaymentStatusGroup.of(payment(PaymentStatus.REQUIRES_PAYMENT_METHOD, 0,
                new Payment.LastError("card_declined", "generic_decline", "Your card was declined."))))
                .isEqualTo(PaymentStatusGroup.FAILED);
        assertThat(PaymentStatusGroup.of(payment(PaymentStatus.REQUIRES_PAYMENT_METHOD, 0, null)))
                .isEqualTo(PaymentStatusGroup.INCOMPLETE);
        assertThat(PaymentStatusGroup.of(payment(PaymentStatus.REQUIRES_ACTION, 0, null)))
                .isEqualTo(PaymentStatusGroup.INCOMPLETE);
        assertThat(PaymentStatusGroup.of(payment(PaymentStatus.CANCELED, 0, null))).isEqualTo(PaymentStatusGroup.CANCELED);
        assertThat(PaymentStatusGroup.of(payment(PaymentStatus.UNKNOWN, 0, null))).isEqualTo(PaymentStatusGroup.UNRESOLVED);
    }

    @Test
    void everyStatusHasAChipAndTheGroupsAreAddressedByTheirCode() {
        for (PaymentStatus status : PaymentStatus.values()) {
            PaymentStatusGroup group = PaymentStatusGroup.of(payment(status, 0, null));
            assertThat(group.statuses()).as(status.code()).contains(status);
        }
        assertThat(PaymentStatusGroup.parse("attention")).contains(PaymentStatusGroup.ATTENTION);
        assertThat(PaymentStatusGroup.parse("ATTENTION")).isEmpty();
        assertThat(PaymentStatusGroup.parse("paid")).isEmpty();
    }

    private static Payment payment(PaymentStatus status, long refunded, Payment.LastError error) {
        Money amount = Money.of(2_000, "EUR");
        boolean paid = status == PaymentStatus.SUCCEEDED;
        return new Payment(PaymentId.random(), "pi_1", null, amount, null, Map.of(), "automatic", status,
                amount.withMinor(paid ? 2_000 : 0), amount.withMinor(0), amount.withMinor(refunded), error,
                OffsetDateTime.now(), OffsetDateTime.now());
    }
}
