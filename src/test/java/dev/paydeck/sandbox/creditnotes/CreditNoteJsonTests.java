package dev.paydeck.sandbox.creditnotes;

import dev.paydeck.sandbox.api.StripeError;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CreditNoteJsonTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** An invoice with one line: 3 units, 30.00, 3.00 off (a discount), 10 % exclusive tax on the 27.00 left. */
    private static ObjectNode invoice() {
        return (ObjectNode) JSON.readTree("""
                {"id": "in_1", "currency": "usd", "customer": "cus_1", "lines": {"data": [{
                  "id": "il_1", "amount": 3000, "quantity": 3, "description": "Seats",
                  "discount_amounts": [{"amount": 300, "discount": "di_1"}],
                  "taxes": [{"amount": 270, "taxable_amount": 2700, "tax_behavior": "exclusive",
                             "tax_rate_details": {"tax_rate": "txr_1"}, "taxability_reason": "standard_rated",
                             "type": "tax_rate_details"}]}]}}""");
    }

    private static ObjectNode note() {
        ObjectNode note = JSON.createObjectNode();
        note.put("id", "cn_1");
        note.put("object", "credit_note");
        note.put("created", 1_700_000_000L);
        return note;
    }

    private static Map<String, Object> line(String key, long value) {
        return Map.of("type", "invoice_line_item", "invoice_line_item", "il_1", key, value);
    }

    @Test
    void aQuantityTakesItsShareOfTheLinesDiscountAndTax() {
        ObjectNode note = CreditNoteJson.build(note(), invoice(), Map.of("lines", List.of(line("quantity", 1L))),
                new HashMap<>());

        assertThat(note.get("subtotal").asLong()).isEqualTo(1000);
        assertThat(note.get("discount_amount").asLong()).isEqualTo(100);
        assertThat(note.at("/total_taxes/0/amount").asLong()).isEqualTo(90);
        assertThat(note.get("total").asLong()).as("10.00 - 1.00 + 0.90").isEqualTo(990);
        assertThat(note.get("total_excluding_tax").asLong()).isEqualTo(900);
        assertThat(note.at("/lines/data/0/unit_amount").asLong()).isEqualTo(1000);
    }

    @Test
    void sharesRoundHalfUpAndTheWholeLineCreditsExactly() {
        assertThat(CreditNoteLines.share(100, 1, 3)).isEqualTo(33);
        assertThat(CreditNoteLines.share(100, 2, 3)).isEqualTo(67);
        assertThat(CreditNoteLines.share(101, 3, 3)).isEqualTo(101);
    }

    @Test
    void aLineIsNeverCreditedBeyondWhatIsLeftOfIt() {
        Map<String, CreditNoteLines.Credited> credited = new HashMap<>();
        credited.put("il_1", new CreditNoteLines.Credited(2500, 0, false));

        assertThatThrownBy(() -> CreditNoteJson.build(note(), invoice(), Map.of("lines",
                List.of(line("amount", 600L))), credited))
                .isInstanceOfSatisfying(StripeError.class, error -> assertThat(error.param())
                        .isEqualTo("lines[0][amount]"));
    }

    @Test
    void anAmountWithoutLinesIsCreditedAsItIs() {
        ObjectNode note = CreditNoteJson.build(note(), invoice(), Map.of("amount", 1234L), new HashMap<>());

        assertThat(note.get("total").asLong()).isEqualTo(1234);
        assertThat(note.at("/lines/data").isEmpty()).isTrue();
        CreditNoteJson.split(note, 1000);
        assertThat(note.get("type").asString()).isEqualTo("mixed");
        assertThat(note.get("post_payment_amount").asLong()).isEqualTo(234);
    }
}
