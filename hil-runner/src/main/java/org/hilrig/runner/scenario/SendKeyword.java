package org.hilrig.runner.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * {@code send: {command: SKV, args: [80], reply: ACK}}: sends a command frame (or an unknown one as written,
 * or the previous frame again, broken on purpose or not, once or as a flood) and checks the board's reply.
 *
 * <p>Stateless; the one instance is {@link #INSTANCE}.
 */
final class SendKeyword implements StepKeyword {
    static final SendKeyword INSTANCE = new SendKeyword();
    private static final Pattern NAK = Pattern.compile("NAK\\s+(\\w+)");

    private SendKeyword() {
    }

    @Override
    public String word() {
        return "send";
    }

    @Override
    public List<String> examples() {
        return List.of("send: {command: VER, reply: ACK}",
                "send: {command: SKV, args: [80], reply: NAK 03, fields: {why: range}, within: 5ms, measure: nak}",
                "send: {raw: XYZ, reply: NAK 02}",
                "send: {command: VER, corrupt: crc}",
                "send: {command: HBT, corrupt: truncated, copies: 3, reply: unchecked}",
                "send: {again: true, reply: ACK}",
                "send: {command: VER, reply: ACK, fields: {fw: 1.0.0, mas: {near: value.mas, tol: 2 %}, ms: {min: 99, max: 101}}}");
    }

    @Override
    public Step parse(ScenarioInput in, Position at, Node v) {
        Map<String, Node> m = in.mapping(v, "step 'send'",
                List.of("command", "args", "raw", "again", "corrupt", "copies", "reply", "fields", "within", "measure"));
        if (m == null) {
            return null;
        }
        String command = null;
        String raw = null;
        int kinds = (m.containsKey("command") ? 1 : 0) + (m.containsKey("raw") ? 1 : 0) + (m.containsKey("again") ? 1 : 0);
        if (kinds != 1) {
            in.problem(v, "step 'send' takes one of 'command', 'raw' or 'again'");
        }
        boolean again = false;
        if (m.containsKey("again")) {
            String a = in.scalar(m.get("again"), "step 'send' 'again'");
            again = "true".equals(a);
            if (!again) {
                in.problem(m.get("again"), "step 'send' 'again': '" + a + "' is not allowed, write 'again: true'");
            }
            if (m.containsKey("args")) {
                in.problem(m.get("args"), "step 'send' with 'again' repeats the previous frame: it takes no 'args'");
            }
        }
        if (m.containsKey("command")) {
            command = in.scalar(m.get("command"), "step 'send' 'command'");
            if (command != null && !in.vocabulary().commands().contains(command)) {
                in.problem(m.get("command"), "step 'send': unknown command '" + command + "', allowed: "
                        + String.join(", ", in.vocabulary().commands()) + " (use 'raw' to send an unknown one on purpose)");
            }
        } else if (m.containsKey("raw")) {
            raw = in.scalar(m.get("raw"), "step 'send' 'raw'");
            if (raw != null && !raw.matches("[A-Z]{3}")) {
                in.problem(m.get("raw"), "step 'send' 'raw': '" + raw + "' is not a command name of 3 upper-case letters");
            }
        }
        List<String> args = new ArrayList<>();
        Node argsNode = m.get("args");
        if (argsNode instanceof SequenceNode seq) {
            for (Node a : seq.getValue()) {
                String s = in.scalar(a, "step 'send' argument");
                if (s != null) {
                    args.add(s);
                }
            }
        } else if (argsNode != null) {
            String s = in.scalar(argsNode, "step 'send' 'args'");
            if (s != null) {
                args.add(s);
            }
        }
        Step.Corruption corruption = Step.Corruption.NONE;
        if (m.containsKey("corrupt")) {
            String c = in.scalar(m.get("corrupt"), "step 'send' 'corrupt'");
            if ("crc".equals(c)) {
                corruption = Step.Corruption.CRC;
            } else if ("truncated".equals(c)) {
                corruption = Step.Corruption.TRUNCATED;
            } else if (c != null) {
                in.problem(m.get("corrupt"), "step 'send' 'corrupt': '" + c + "' is not allowed, use crc or truncated");
            }
        }
        int copies = 1;
        if (m.containsKey("copies")) {
            String c = in.scalar(m.get("copies"), "step 'send' 'copies'");
            try {
                copies = Integer.parseInt(c == null ? "" : c);
                if (copies < 1 || copies > 100_000) {
                    throw new NumberFormatException();
                }
            } catch (NumberFormatException e) {
                in.problem(m.get("copies"), "step 'send' 'copies': '" + c + "' is not a count from 1 to 100000");
            }
        }
        Step.Reply reply = new Step.Reply(corruption == Step.Corruption.NONE ? Step.Reply.Kind.ACK : Step.Reply.Kind.NONE, null);
        if (m.containsKey("reply")) {
            reply = reply(in, m.get("reply"));
        }
        Map<String, FieldCheck> checks = new java.util.LinkedHashMap<>();
        Map<String, String> fields = in.fields(m.get("fields"), "step 'send'", checks);
        Limit within = m.containsKey("within") ? in.limit(m.get("within"), "step 'send'") : null;
        return new Step.Send(at, command, args, raw, again, corruption, copies, reply, fields, within,
                in.optionalScalar(m, "measure", "step 'send'"), checks);
    }

    private static Step.Reply reply(ScenarioInput in, Node n) {
        String r = in.scalar(n, "step 'send' 'reply'");
        if (r == null) {
            return null;
        }
        if (r.equals("ACK")) {
            return new Step.Reply(Step.Reply.Kind.ACK, null);
        }
        if (r.equals("none")) {
            return new Step.Reply(Step.Reply.Kind.NONE, null);
        }
        if (r.equals("unchecked")) {
            return new Step.Reply(Step.Reply.Kind.UNCHECKED, null);
        }
        Matcher nak = NAK.matcher(r.trim());
        if (nak.matches()) {
            if (!in.vocabulary().nakCodes().contains(nak.group(1))) {
                in.problem(n, "step 'send' 'reply': unknown NAK code '" + nak.group(1) + "', allowed: "
                        + String.join(", ", in.vocabulary().nakCodes()));
            }
            return new Step.Reply(Step.Reply.Kind.NAK, nak.group(1));
        }
        in.problem(n, "step 'send' 'reply': '" + r + "' is not a reply, use ACK, NAK <code> (e.g. NAK 03), none or unchecked");
        return null;
    }

    /** {@code SKV 80,1, reply NAK 03 {why=range} within 5ms (measure nak)}. */
    static String text(Step.Send s) {
        String what = s.again() ? "the previous frame again" : s.command() != null
                ? s.command() + (s.args().isEmpty() ? "" : " " + String.join(",", s.args())) : s.raw() + " (raw)";
        return what + (s.corruption() == Step.Corruption.NONE ? "" : ", " + s.corruption().name()
                .toLowerCase(java.util.Locale.ROOT) + " broken") + (s.copies() > 1 ? " x" + s.copies() : "")
                + ", reply " + s.reply() + StepKeyword.fieldText(s.replyFields())
                + StepKeyword.checkText(s.replyChecks()) + (s.within() == null ? "" : " within " + s.within())
                + StepKeyword.measureText(s.measure());
    }

    /** A command sent, or a raw one; {@code again} repeats a frame whose send told its command already. */
    static void needs(Step.Send s, StepNeeds needs) {
        if (s.command() != null) {
            needs.command(s.command());
        } else if (s.raw() != null) {
            needs.command(s.raw());
        }
    }
}
