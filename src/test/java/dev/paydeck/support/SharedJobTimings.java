package dev.paydeck.support;

import java.util.ArrayList;
import java.util.List;

/**
 * The periodic jobs' timings every instance on the suite's database must share. A job runs once across instances and
 * the instance that runs it schedules its next run by its own settings: an extra instance started with the defaults
 * (module events redelivered every minute) would leave the suite's contexts waiting a minute for the next run.
 */
final class SharedJobTimings {

    private static final List<String> ARGUMENTS = List.of("--paydeck.events.redeliver-after=1s",
            "--paydeck.events.redeliver-interval=1s");

    private SharedJobTimings() {
    }

    /** The arguments with the suite's job timings added, unless they name their own. */
    static List<String> addedTo(List<String> arguments) {
        List<String> all = new ArrayList<>(arguments);
        for (String timing : ARGUMENTS) {
            String key = timing.substring(0, timing.indexOf('=') + 1);
            if (all.stream().noneMatch(argument -> argument.startsWith(key))) {
                all.add(timing);
            }
        }
        return all;
    }
}
