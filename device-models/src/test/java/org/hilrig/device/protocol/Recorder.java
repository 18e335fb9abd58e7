package org.hilrig.device.protocol;

import java.util.ArrayList;
import java.util.List;

/** Records what a decoder reports, in order. */
final class Recorder implements DecodeListener {
    final List<Decoded> all = new ArrayList<>();

    @Override
    public void frame(ReceivedFrame frame) {
        all.add(frame);
    }

    @Override
    public void discarded(DiscardedInput discarded) {
        all.add(discarded);
    }

    List<ReceivedFrame> frames() {
        return all.stream().filter(ReceivedFrame.class::isInstance).map(ReceivedFrame.class::cast).toList();
    }

    List<DiscardedInput> discards() {
        return all.stream().filter(DiscardedInput.class::isInstance).map(DiscardedInput.class::cast).toList();
    }

    List<String> frameTexts() {
        return frames().stream().map(f -> f.frame().text()).toList();
    }

    List<DiscardReason> reasons() {
        return discards().stream().map(DiscardedInput::reason).toList();
    }

    /** Wraps {@code text} (between STX and ETX) in STX and ETX. */
    static byte[] wire(String text) {
        byte[] t = text.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        byte[] out = new byte[t.length + 2];
        out[0] = ProtocolV1.STX;
        System.arraycopy(t, 0, out, 1, t.length);
        out[out.length - 1] = ProtocolV1.ETX;
        return out;
    }

    static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] out = new byte[n];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }
}
