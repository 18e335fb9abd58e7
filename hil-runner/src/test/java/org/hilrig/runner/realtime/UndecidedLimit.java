package org.hilrig.runner.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What an {@code inconclusive} scenario of a run against real I/O must say, for the tests that accept one
 * only for want of resolution on this machine: its message is the engine's for a timing limit inside the
 * declared uncertainty ({@code reply to VER took 1.07 ms +- 5.2 ms: the limit <= 5 ms lies inside the
 * uncertainty}, EngineRun#judge), with numbers that bear it out (a bound of the limit between the value less
 * and plus the uncertainty), and no measurement of the scenario failed; each measurement results.json lists
 * as inconclusive has a bound inside its own value +- uncertainty. Inconclusive for another reason (events
 * lost, a reply field's check, an invariant) fails the test.
 */
final class UndecidedLimit {
    private static final String DURATION = "(-?[0-9.]+) (ns|us|ms|s)";
    private static final Pattern ENGINE_WORDS = Pattern.compile(" took " + DURATION + " \\+- " + DURATION
            + ": the limit (<= " + DURATION + "|\\[" + DURATION + ", (?:-|" + DURATION + ")\\]) lies inside the uncertainty$");

    private UndecidedLimit() {
    }

    /**
     * Asserts that {@code scenario} (an entry of results.json's {@code scenarios}) is inconclusive only for a
     * timing limit lying inside its declared uncertainty.
     */
    static void assertOnlyALimitInsideTheUncertainty(JsonNode scenario) {
        String id = scenario.get("id").asText();
        assertThat(scenario.get("status").asText()).as(id).isEqualTo("inconclusive");
        String message = scenario.path("message").asText("");
        Matcher m = ENGINE_WORDS.matcher(message);
        assertThat(m.find()).as(id + ": the engine's words for a limit inside the uncertainty, not '" + message + "'").isTrue();
        long value = nanos(m.group(1), m.group(2));
        long u = nanos(m.group(3), m.group(4));
        List<Long> bounds = new ArrayList<>();
        long boundRounding = 0;
        for (int g = 6; g <= 10; g += 2) { // <= B, or [A, B] (B may be '-')
            if (m.group(g) != null) {
                bounds.add(nanos(m.group(g), m.group(g + 1)));
                boundRounding = Math.max(boundRounding, half(m.group(g + 1)));
            }
        }
        long slack = half(m.group(2)) + half(m.group(4)) + boundRounding; // each number printed to 3 decimals of its unit
        assertThat(bounds).as(id + ": a bound of the limit between " + m.group(1) + " " + m.group(2) + " -+ " + m.group(3) + " "
                + m.group(4) + " in '" + message + "'").anyMatch(b -> Math.abs(b - value) <= u + slack);
        for (JsonNode measurement : scenario.get("measurements")) {
            String status = measurement.get("status").asText();
            assertThat(status).as(id + ": " + measurement).isNotEqualTo("fail");
            if (status.equals("inconclusive")) {
                long v = measurement.get("value_ns").asLong();
                long mu = measurement.get("uncertainty_ns").asLong();
                assertThat(List.of("min_ns", "max_ns")).as(id + ": a limit within value +- uncertainty: " + measurement)
                        .anyMatch(k -> measurement.path(k).isNumber() && Math.abs(measurement.get(k).asLong() - v) <= mu);
            }
        }
    }

    private static long nanos(String number, String unit) {
        return new BigDecimal(number).multiply(BigDecimal.valueOf(scale(unit))).longValue();
    }

    private static long half(String unit) {
        return scale(unit) / 2000;
    }

    private static long scale(String unit) {
        return switch (unit) {
            case "ns" -> 1L;
            case "us" -> 1_000L;
            case "ms" -> 1_000_000L;
            default -> 1_000_000_000L;
        };
    }
}
