package dev.paydeck.sandbox.testclocks;

import tools.jackson.databind.node.ObjectNode;

/** A test clock as Stripe renders it ({@code test_helpers.test_clock}), and its status moves. */
final class TestClockJson {

    static final String OBJECT = "test_helpers.test_clock";
    static final String DELETED = "deleted_test_clock";
    /** Stripe deletes a test clock on its own a week after it was made ({@code deletes_after}). */
    static final long LIFETIME = 7 * 86_400;

    private TestClockJson() {
    }

    static ObjectNode create(ObjectNode clock, long frozenTime, String name) {
        clock.put("deletes_after", clock.get("created").asLong() + LIFETIME);
        clock.put("frozen_time", frozenTime);
        clock.put("livemode", false);
        if (name == null) {
            clock.putNull("name");
        } else {
            clock.put("name", name);
        }
        ready(clock);
        return clock;
    }

    static void advancing(ObjectNode clock, long target) {
        clock.put("status", TestClockStatus.ADVANCING.stripeName());
        clock.putObject("status_details").putObject("advancing").put("target_frozen_time", target);
    }

    static void ready(ObjectNode clock) {
        clock.put("status", TestClockStatus.READY.stripeName());
        clock.putObject("status_details");
    }

    static void failed(ObjectNode clock) {
        clock.put("status", TestClockStatus.INTERNAL_FAILURE.stripeName());
        clock.putObject("status_details");
    }

    static TestClockStatus status(ObjectNode clock) {
        return TestClockStatus.of(clock.get("status").asString());
    }
}
