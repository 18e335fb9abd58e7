package org.hilrig.timing.rules;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.RandomAccess;
import org.hilrig.timing.verdict.Verdict;

/**
 * The occurrences of one rule in parallel primitive arrays (17 bytes each rather than an object with
 * boxed times), seen from outside as an unmodifiable list whose elements are made on demand. Only the
 * monitor that owns it appends, before the result is handed out.
 */
final class OccurrenceLog extends AbstractList<Occurrence> implements RandomAccess {
    private static final long NO_RESPONSE = Long.MIN_VALUE;
    private static final Verdict[] VERDICTS = Verdict.values();
    private long[] triggers = new long[16];
    private long[] responses = new long[16];
    private byte[] verdicts = new byte[16];
    private int size;

    void append(Occurrence o) {
        append(o.triggerNanos(), o.responseNanos(), o.verdict());
    }

    void append(long triggerNanos, Long responseNanos, Verdict verdict) {
        if (size == triggers.length) {
            int n = size * 2;
            triggers = Arrays.copyOf(triggers, n);
            responses = Arrays.copyOf(responses, n);
            verdicts = Arrays.copyOf(verdicts, n);
        }
        triggers[size] = triggerNanos;
        responses[size] = responseNanos == null ? NO_RESPONSE : responseNanos;
        verdicts[size] = (byte) verdict.ordinal();
        size++;
    }

    @Override
    public Occurrence get(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException("occurrence " + index + " of " + size);
        }
        long response = responses[index];
        return response == NO_RESPONSE
                ? new Occurrence(triggers[index], null, null, VERDICTS[verdicts[index]])
                : new Occurrence(triggers[index], response, response - triggers[index], VERDICTS[verdicts[index]]);
    }

    @Override
    public int size() {
        return size;
    }
}
