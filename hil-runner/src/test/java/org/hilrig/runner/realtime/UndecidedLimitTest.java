package org.hilrig.runner.realtime;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/**
 * The check the real-I/O tests make of an inconclusive scenario accepts the engine's words for a limit inside
 * the uncertainty (a results.json entry of a real run against the independent board) and nothing else.
 */
class UndecidedLimitTest {
    private static final String MEASUREMENTS = """
            [{"name": "ver_reply", "value_ns": 8612265, "min_ns": null, "max_ns": 5000000, "status": "inconclusive",
              "uncertainty_ns": 28394368},
             {"name": "nak02_reply", "value_ns": 477333, "min_ns": null, "max_ns": 5000000, "status": "pass",
              "uncertainty_ns": 2264312}]""";

    private static JsonNode scenario(String message, String measurements) throws Exception {
        return new ObjectMapper().readTree("{\"id\": \"COM-SER-001\", \"status\": \"inconclusive\", \"measurements\": "
                + measurements + ", \"message\": \"" + message + "\"}");
    }

    @Test
    void aReplyLimitInsideTheUncertaintyIsAccepted() throws Exception {
        JsonNode s = scenario("reply to VER took 8.612 ms +- 28.394 ms: the limit <= 5 ms lies inside the uncertainty", MEASUREMENTS);

        assertThatCode(() -> UndecidedLimit.assertOnlyALimitInsideTheUncertainty(s)).doesNotThrowAnyException();
    }

    @Test
    void aWindowWithABoundInsideTheUncertaintyIsAccepted() throws Exception {
        JsonNode s = scenario("EVT,FAULT after comms loss took 519.5 ms +- 3.1 ms: the limit [500 ms, 520 ms] lies inside the"
                + " uncertainty", "[]");

        assertThatCode(() -> UndecidedLimit.assertOnlyALimitInsideTheUncertainty(s)).doesNotThrowAnyException();
    }

    @Test
    void inconclusiveForLostEventsFails() throws Exception {
        JsonNode s = scenario("line 12 (expect_event): no EVT,XOFF within <= 20 ms (inconclusive: 2 event(s) lost, the board's"
                + " event counter skipped)", "[]");

        assertThatThrownBy(() -> UndecidedLimit.assertOnlyALimitInsideTheUncertainty(s)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("the engine's words for a limit inside the uncertainty");
    }

    @Test
    void numbersThatPutTheLimitOutsideTheUncertaintyFail() throws Exception {
        JsonNode s = scenario("reply to VER took 1.2 ms +- 2 ms: the limit <= 5 ms lies inside the uncertainty", "[]");

        assertThatThrownBy(() -> UndecidedLimit.assertOnlyALimitInsideTheUncertainty(s)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("a bound of the limit between");
    }

    @Test
    void aMeasurementListedInconclusiveWithItsLimitOutsideItsUncertaintyFails() throws Exception {
        JsonNode s = scenario("reply to VER took 8.612 ms +- 28.394 ms: the limit <= 5 ms lies inside the uncertainty", """
                [{"name": "ver_reply", "value_ns": 1000000, "min_ns": null, "max_ns": 5000000, "status": "inconclusive",
                  "uncertainty_ns": 2000000}]""");

        assertThatThrownBy(() -> UndecidedLimit.assertOnlyALimitInsideTheUncertainty(s)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("a limit within value +- uncertainty");
    }
}
