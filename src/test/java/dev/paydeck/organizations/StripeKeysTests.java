package dev.paydeck.organizations;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StripeKeysTests {

    @Test
    void modeComesFromTheKeyPrefix() {
        assertThat(new StripeKeys("pk_test_abcdefghijkl", "sk_test_abcdefghijkl", null).mode())
                .isEqualTo(StripeMode.TEST);
        assertThat(new StripeKeys("pk_live_abcdefghijkl", "rk_live_abcdefghijkl", null).mode())
                .isEqualTo(StripeMode.LIVE);
        assertThat(new StripeKeys("pk_test_abcdefghijkl", "rk_test_abcdefghijkl", null).problems()).isEmpty();
    }

    @Test
    void mixedModesAreRefused() {
        var problems = new StripeKeys("pk_test_abcdefghijkl", "sk_live_abcdefghijkl", null).problems();
        assertThat(problems).containsOnlyKeys("publishable_key");
        assertThat(problems.get("publishable_key")).contains("same mode");
    }

    @Test
    void malformedKeysAreNamedField() {
        assertThat(new StripeKeys("sk_test_abcdefghijkl", "pk_test_abcdefghijkl", "nope").problems())
                .containsOnlyKeys("publishable_key", "secret_key", "webhook_secret");
        assertThat(new StripeKeys(null, " ", null).problems()).containsOnlyKeys("publishable_key", "secret_key");
    }

    @Test
    void onlyTheEndOfASecretIsEverShown() {
        assertThat(StripeKeys.hint("sk_live_51HabcdefghijklmnopWXYZ")).isEqualTo("sk_live_…WXYZ");
        assertThat(new StripeKeys("pk_test_x", "sk_test_supersecret", "whsec_alsosecret").toString())
                .doesNotContain("supersecret", "alsosecret");
    }

    @Test
    void pagesGetACodeForEachProblemToWordInTheirLanguage() {
        assertThat(new StripeKeys("pk_live_abcdefghijkl", "sk_test_abcdefghijkl", null).problemCodes())
                .containsExactly(java.util.Map.entry("publishable_key", "mode_mismatch"));
        assertThat(new StripeKeys("sk_test_abcdefghijkl", " ", "whsec_nope").problemCodes())
                .containsEntry("secret_key", "required").containsEntry("publishable_key", "format")
                .containsEntry("webhook_secret", "format");
    }
}
