package dev.paydeck.webhooks;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class StripeSignatureHeaderTests {

    @Test
    void readsStripesHeaderWithOneOrSeveralSignaturesAndOtherSchemes() {
        assertThat(StripeSignatureHeader.parse("t=1700000000,v1=abc")).contains(new StripeSignatureHeader(1700000000));
        assertThat(StripeSignatureHeader.parse("t=1700000000,v1=abc,v1=def,v0=ghi"))
                .contains(new StripeSignatureHeader(1700000000));
    }

    @Test
    void refusesWhatStripeJavaWouldThrowOnOrFindNoSignatureIn() {
        for (String header : new String[] {"t=abc,v1=zz", "t=,v1=", "t=99999999999999999999,v1=ab", "t=-5,v1=ab",
                "t=0,v1=ab", "t=+5,v1=ab", "t=1700000000", "t=1700000000,v1=", "t=1700000000,v1", "t,v1=ab",
                "v1=ab", "t=1700000000,t=1700000001,v1=ab", "t=1700000000,,v1=ab", "", "garbage"}) {
            assertThat(StripeSignatureHeader.parse(header)).as(header).isEmpty();
        }
        assertThat(StripeSignatureHeader.parse(null)).isEmpty();
    }

    @Test
    void theTimestampMustBeWithinTheToleranceOnEitherSide() {
        Instant now = Instant.ofEpochSecond(1_700_000_000);
        Duration tolerance = Duration.ofMinutes(5);

        assertThat(new StripeSignatureHeader(now.getEpochSecond() - 300).within(tolerance, now)).isTrue();
        assertThat(new StripeSignatureHeader(now.getEpochSecond() + 300).within(tolerance, now)).isTrue();
        assertThat(new StripeSignatureHeader(now.getEpochSecond() - 301).within(tolerance, now)).isFalse();
        assertThat(new StripeSignatureHeader(now.getEpochSecond() + 301).within(tolerance, now)).isFalse();
    }
}
