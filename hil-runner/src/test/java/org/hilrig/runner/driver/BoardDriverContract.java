package org.hilrig.runner.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.hilrig.device.protocol.Frame;
import org.hilrig.device.protocol.KeyValues;
import org.hilrig.device.protocol.NakCode;
import org.hilrig.runner.io.LinkEndpoint;
import org.hilrig.timing.Clock;
import org.hilrig.timing.MonotonicClock;
import org.hilrig.timing.RigFailureException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The host side of {@code protocol.md} section 3 against a {@link ScriptedBoard} on the far end of a
 * real cable; a subclass lays the cable (pseudo-terminal pair, loopback socket).
 */
abstract class BoardDriverContract {
    private final List<AutoCloseable> toClose = new ArrayList<>();
    final Clock clock = new MonotonicClock();
    final ScriptedBoard board = closeLater(new ScriptedBoard());
    final RecordingListener listener = new RecordingListener();
    BoardDriver driver;

    /** Lays a cable, attaches {@code board} to its far end and returns the near end for the driver. */
    abstract LinkEndpoint cableTo(ScriptedBoard board) throws Exception;

    /** Pulls the cable laid by {@link #cableTo}. */
    abstract void pullCable();

    <T extends AutoCloseable> T closeLater(T resource) {
        toClose.add(0, resource);
        return resource;
    }

    @BeforeEach
    void openDriver() throws Exception {
        LinkEndpoint endpoint = cableTo(board);
        driver = closeLater(BoardDriver.open(endpoint, clock, listener));
    }

    @AfterEach
    void closeEverything() throws Exception {
        for (AutoCloseable c : toClose) {
            c.close();
        }
    }

    private static String text(byte[] frame) {
        return new String(frame, 1, frame.length - 2, StandardCharsets.US_ASCII);
    }

    private List<String> receivedTexts() {
        return board.received().stream().map(BoardDriverContract::text).toList();
    }

    @Test
    void aCommandIsAnsweredWithItsAckFieldsAndSequenceNumbersIncrement() {
        board.answer("VER", f -> Frame.ack(f.seq(), "VER",
                KeyValues.of("board", "GEN", "fw", "1.0.0", "proto", "1", "sn", "GEN-0001")));
        Reply first = driver.send("VER");
        Reply second = driver.send("SKV", "80.0");

        assertThat(first).isInstanceOf(Reply.Ack.class);
        assertThat(((Reply.Ack) first).values().text("board")).isEqualTo("GEN");
        assertThat(first.attempts()).isEqualTo(1);
        assertThat(first.roundTripNanos()).isPositive();
        assertThat(second.command().text()).startsWith("01,SKV,80.0,");
        assertThat(receivedTexts()).hasSize(2);
        assertThat(receivedTexts().get(0)).startsWith("00,VER,");
        assertThat(receivedTexts().get(1)).startsWith("01,SKV,80.0,");
        assertThat(driver.counters().resends()).isZero();
        await().atMost(Duration.ofSeconds(2)).until(() -> listener.transcript.size() == 4);
        assertThat(listener.transcript).containsExactly(
                "tx " + first.command().text(), "rx " + first.reply().frame().text(),
                "tx " + second.command().text(), "rx " + second.reply().frame().text());
    }

    @Test
    void aNakIsAResultCarryingItsCode() {
        board.answer("SKV", f -> Frame.nak(f.seq(), "SKV", NakCode.WRONG_STATE));
        Reply reply = driver.send("SKV", "80.0");
        assertThat(reply).isInstanceOf(Reply.Nak.class);
        assertThat(((Reply.Nak) reply).code()).contains(NakCode.WRONG_STATE);
        assertThat(driver.state()).isEqualTo(DriverState.UP);
    }

    @Test
    void aDroppedReplyIsRecoveredByResendingTheSameFrameWhichTheBoardDoesNotExecuteAgain() {
        board.then(new Fault.DropReply());
        Reply reply = driver.send("STA");
        assertThat(reply).isInstanceOf(Reply.Ack.class);
        assertThat(reply.attempts()).isEqualTo(2);
        assertThat(reply.roundTripNanos()).isGreaterThanOrEqualTo(DriverSettings.PROTOCOL_V1.replyTimeoutNanos());
        assertThat(receivedTexts()).hasSize(2).containsOnly(Frame.command(0, "STA").text());
        assertThat(board.executions("STA")).isEqualTo(1);
        assertThat(driver.counters().resends()).isEqualTo(1);
        assertThat(listener.anomalies(LinkAnomaly.Resent.class)).hasSize(1);
    }

    @Test
    void aReplyWithABadCrcIsCountedIgnoredAndRecoveredByAResend() {
        board.then(new Fault.CorruptCrc());
        Reply reply = driver.send("HBT");
        assertThat(reply.attempts()).isEqualTo(2);
        await().atMost(Duration.ofSeconds(2)).until(() -> driver.counters().crcErrors() == 1);
        assertThat(board.executions("HBT")).isEqualTo(1);
    }

    @Test
    void noReplyToTheFirstSendAndTwoResendsDeclaresTheLinkDownForGood() {
        board.then(new Fault.DropReply()).then(new Fault.DropReply()).then(new Fault.DropReply());
        assertThatThrownBy(() -> driver.send("STA"))
                .isInstanceOf(RigFailureException.class)
                .hasMessageContaining("no reply to " + Frame.command(0, "STA").text())
                .hasMessageContaining("within 100 ms of each of 3 sends (allowed: at most 2 resends); link declared down");
        assertThat(receivedTexts()).hasSize(3).containsOnly(Frame.command(0, "STA").text());
        assertThat(driver.state()).isEqualTo(DriverState.DOWN);
        await().atMost(Duration.ofSeconds(2)).until(() -> listener.downs.size() == 1);

        assertThatThrownBy(() -> driver.send("HBT"))
                .isInstanceOf(RigFailureException.class)
                .hasMessageContaining("link is down");
        await().during(Duration.ofMillis(150)).atMost(Duration.ofSeconds(1)).until(() -> board.received().size() == 3);
    }

    @Test
    void aDuplicatedReplyIsStaleAndDoesNotAnswerTheNextCommand() {
        board.answer("STA", f -> Frame.ack(f.seq(), "STA", KeyValues.of("state", "STANDBY")))
                .answer("HEA", f -> Frame.ack(f.seq(), "HEA", KeyValues.of("anode", "12")));
        board.then(new Fault.Duplicate());
        Reply first = driver.send("STA");
        await().atMost(Duration.ofSeconds(2)).until(() -> driver.counters().staleReplies() == 1);
        Reply second = driver.send("HEA");
        assertThat(((Reply.Ack) first).values().text("state")).isEqualTo("STANDBY");
        assertThat(((Reply.Ack) second).values().text("anode")).isEqualTo("12");
        assertThat(second.reply().frame().seq()).isEqualTo(1);
        assertThat(listener.anomalies(LinkAnomaly.StaleReply.class)).singleElement()
                .satisfies(s -> assertThat(s.reply().frame().seq()).isZero());
    }

    @Test
    void aLateReplyAndTheReplyToTheResendAreOneAnswerAndTheOtherIsStale() {
        board.then(new Fault.Delay(150_000_000L));
        Reply reply = driver.send("FLT");
        assertThat(reply.attempts()).isEqualTo(2);
        await().atMost(Duration.ofSeconds(2)).until(() -> driver.counters().staleReplies() == 1);
        assertThat(board.executions("FLT")).isEqualTo(1);
        assertThat(driver.send("HBT").attempts()).isEqualTo(1);
    }

    @Test
    void eventsInterleavedWithRepliesReachTheListenerOnTheDispatcherThread() {
        board.then(new Fault.InterleaveEvent("STATE", KeyValues.of("s", "PREP")));
        Reply reply = driver.send("PRP", "1");
        assertThat(reply).isInstanceOf(Reply.Ack.class);
        board.sendEvent("STATE", KeyValues.of("s", "READY"));
        await().atMost(Duration.ofSeconds(2)).until(() -> listener.events.size() == 2);
        assertThat(listener.eventNames()).containsExactly("STATE", "STATE");
        assertThat(listener.events.get(0).values().text("s")).isEqualTo("PREP");
        assertThat(listener.events.stream().map(BoardEvent::counter)).containsExactly(0, 1);
        assertThat(listener.anomalies(LinkAnomaly.EventGap.class)).isEmpty();
        assertThat(listener.threads).allMatch(t -> t.getName().startsWith("board-driver "));
    }

    @Test
    void aJumpInTheEventCounterIsReportedAsLostEvents() {
        board.sendEvent("STATE", KeyValues.of("s", "PREP"));
        board.skipEventCounter(2);
        board.sendEvent("STATE", KeyValues.of("s", "READY"));
        board.then(new Fault.SkipEventCounter(1), new Fault.InterleaveEvent("XON", KeyValues.of("kv", "80.0")));
        driver.send("EXP", "1");
        await().atMost(Duration.ofSeconds(2)).until(() -> listener.events.size() == 3);
        assertThat(listener.anomalies(LinkAnomaly.EventGap.class))
                .extracting(LinkAnomaly.EventGap::expectedCounter, LinkAnomaly.EventGap::receivedCounter,
                        LinkAnomaly.EventGap::lost)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, 3, 2), org.assertj.core.groups.Tuple.tuple(4, 5, 1));
        assertThat(driver.counters().eventsLost()).isEqualTo(3);
        assertThat(driver.counters().events()).isEqualTo(3);
    }

    @Test
    void closingTheDriverClosesItsLinkAndRefusesFurtherCommands() {
        driver.close();
        assertThat(driver.state()).isEqualTo(DriverState.CLOSED);
        assertThatThrownBy(() -> driver.send("HBT")).isInstanceOf(RigFailureException.class)
                .hasMessageContaining("driver is closed");
        assertThat(listener.downs).isEmpty();
    }

    @Test
    void aPulledCableTakesTheLinkDownAndTheNextSendFails() {
        driver.send("HBT");
        pullCable();
        await().atMost(Duration.ofSeconds(5)).until(() -> driver.state() == DriverState.DOWN);
        assertThat(listener.downs).singleElement()
                .satisfies(e -> assertThat(e).hasMessageContaining("link lost").hasMessageContaining(driver.describe()));
        assertThatThrownBy(() -> driver.send("HBT")).isInstanceOf(RigFailureException.class)
                .hasMessageContaining("link is down").hasMessageContaining("link lost");
    }

    @Test
    void aCablePulledWhileWaitingForAReplyFailsThatSendWithTheLoss() {
        board.answer("RST", f -> {
            pullCable();
            return Frame.ack(f.seq(), "RST", KeyValues.of("flt", "0"));
        });
        board.then(new Fault.DropReply());
        assertThatThrownBy(() -> driver.send("RST")).isInstanceOf(RigFailureException.class)
                .hasMessageContaining("link lost");
        assertThat(driver.state()).isEqualTo(DriverState.DOWN);
    }
}
