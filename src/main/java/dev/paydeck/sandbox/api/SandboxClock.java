package dev.paydeck.sandbox.api;

import org.springframework.stereotype.Component;

import java.time.Clock;

/** The sandbox's notion of now, in Unix seconds as Stripe's timestamps are. */
@Component
public class SandboxClock {

    private final Clock clock = Clock.systemUTC();

    public long now() {
        return clock.instant().getEpochSecond();
    }
}
