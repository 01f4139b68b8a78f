package dev.paydeck.sandbox.api;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FormDecoderTests {

    @Test
    void decodesStripesNestedFormEncoding() {
        var params = FormDecoder.decode("amount=2000&currency=usd&metadata%5Border_id%5D=6735"
                + "&payment_method_data%5Bcard%5D%5Bnumber%5D=4242424242424242&expand%5B0%5D=latest_charge"
                + "&expand%5B1%5D=customer");

        assertThat(params).containsEntry("amount", "2000").containsEntry("currency", "usd");
        assertThat(params.get("metadata")).isEqualTo(Map.of("order_id", "6735"));
        assertThat(params.get("payment_method_data")).isEqualTo(Map.of("card", Map.of("number", "4242424242424242")));
        assertThat(params.get("expand")).isEqualTo(List.of("latest_charge", "customer"));
    }

    @Test
    void emptyBracketsAppendToAList() {
        var params = FormDecoder.decode("expand[]=a&expand[]=b&items[0][price]=p1&items[0][quantity]=2&items[1][price]=p2");

        assertThat(params.get("expand")).isEqualTo(List.of("a", "b"));
        assertThat(params.get("items")).isEqualTo(List.of(Map.of("price", "p1", "quantity", "2"), Map.of("price", "p2")));
    }

    @Test
    void emptyValuesAndPlusSignsDecodeAsStripeSendsThem() {
        var params = FormDecoder.decode("description=&name=Ada+Lovelace&email=ada%2Btest%40example.com");

        assertThat(params).containsEntry("description", "").containsEntry("name", "Ada Lovelace")
                .containsEntry("email", "ada+test@example.com");
    }

    @Test
    void malformedKeysAreInvalidRequests() {
        assertThatThrownBy(() -> FormDecoder.decode("metadata[x=1")).isInstanceOfSatisfying(StripeError.class,
                error -> assertThat(error.status()).isEqualTo(400));
        assertThatThrownBy(() -> FormDecoder.decode("[x]=1")).isInstanceOf(StripeError.class);
        assertThatThrownBy(() -> FormDecoder.decode("items[99999]=1")).isInstanceOf(StripeError.class);
    }
}
