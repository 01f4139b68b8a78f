package dev.paydeck.sandbox.api;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ParamSpecTests {

    private final ParamSpec spec = ParamSpec.of()
            .integer("amount")
            .string("currency", "description")
            .bool("confirm")
            .oneOf("capture_method", "automatic", "manual")
            .metadata()
            .object("card", ParamSpec.of().string("number").integer("exp_month"))
            .stringList("expand")
            .range("created")
            .required("amount", "currency");

    @Test
    void convertsToTypedValues() {
        var typed = spec.validate(FormDecoder.decode(
                "amount=2000&currency=usd&confirm=true&capture_method=manual&card[exp_month]=12&created[gte]=10"));

        assertThat(typed).containsEntry("amount", 2000L).containsEntry("confirm", true)
                .containsEntry("capture_method", "manual");
        assertThat(typed.get("card")).isEqualTo(Map.of("exp_month", 12L));
        assertThat(typed.get("created")).isEqualTo(Map.of("gte", 10L));
    }

    @Test
    void emptyStringUnsetsAField() {
        var typed = spec.validate(FormDecoder.decode("amount=1&currency=usd&description=&metadata[a]="));

        assertThat(typed).containsKey("description");
        assertThat(typed.get("description")).isNull();
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("a", null);
        assertThat(typed.get("metadata")).isEqualTo(metadata);
    }

    @Test
    void refusesUnknownMissingAndMistypedParametersWithStripesCodes() {
        assertError("amount=1&currency=usd&colour=red", "parameter_unknown", "colour");
        assertError("amount=1&currency=usd&card[cvc]=123", "parameter_unknown", "card[cvc]");
        assertError("currency=usd", "parameter_missing", "amount");
        assertError("amount=ten&currency=usd", "parameter_invalid_integer", "amount");
        assertError("amount=1&currency=usd&confirm=yes", null, "confirm");
        assertError("amount=1&currency=usd&capture_method=later", null, "capture_method");
        assertError("amount=1&currency[x]=usd", null, "currency");
        assertError("amount=1&currency=usd&created[since]=1", "parameter_unknown", "created[since]");
    }

    @Test
    void listsKeepTheirOrder() {
        assertThat(spec.validate(FormDecoder.decode("amount=1&currency=usd&expand[0]=b&expand[1]=a")).get("expand"))
                .isEqualTo(List.of("b", "a"));
    }

    @Test
    void metadataIsLimitedAsStripeLimitsIt() {
        StringBuilder form = new StringBuilder("amount=1&currency=usd");
        for (int i = 0; i < 51; i++) {
            form.append("&metadata[k").append(i).append("]=v");
        }
        assertError(form.toString(), null, "metadata");
        assertError("amount=1&currency=usd&metadata[" + "k".repeat(41) + "]=v", null, "metadata");
    }

    private void assertError(String form, String code, String param) {
        assertThatThrownBy(() -> spec.validate(FormDecoder.decode(form))).isInstanceOfSatisfying(StripeError.class,
                error -> {
                    assertThat(error.status()).isEqualTo(400);
                    assertThat(error.param()).isEqualTo(param);
                    if (code != null) {
                        assertThat(error.code()).isEqualTo(code);
                    }
                });
    }
}
