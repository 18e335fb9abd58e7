package org.hilrig.timing.rules;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.hilrig.timing.verdict.Verdict;

/**
 * The findings of one rule (occurrences or overlaps) as its monitor makes them, in time order, kept
 * within a {@link Listing}: every finding is counted by verdict; listed are the first {@code n} and the
 * {@code n} with the greatest badness (on a tie the earlier), or every one under {@link Listing#ALL}.
 * Badness is the monitor's ranking, larger meaning worse. Memory: at most {@code 2n} findings, or all of
 * them under {@code ALL}. Confined to the monitor's thread.
 */
final class Sample<T> {
    private record Entry<T>(long seq, long badness, T item) {
    }

    /** The head of the worst queue is the least bad finding kept: lowest badness, and the later on a tie. */
    private static final Comparator<Entry<?>> LEAST_BAD_FIRST =
            Comparator.<Entry<?>>comparingLong(Entry::badness).thenComparing(Entry::seq, Comparator.reverseOrder());

    private final int limit;
    private final List<T> all;
    private final Consumer<? super T> append;
    private final List<Entry<T>> first = new ArrayList<>();
    private final PriorityQueue<Entry<T>> worst = new PriorityQueue<>(LEAST_BAD_FIRST);
    private long next;
    private long pass;
    private long inconclusive;
    private long fail;

    /**
     * @param all a read-only view of where every finding goes under {@link Listing#ALL}; unused otherwise
     * @param append adds a finding to {@code all}
     */
    Sample(Listing listing, List<T> all, Consumer<? super T> append) {
        this.limit = listing.firstAndWorst();
        this.all = listing.all() ? all : null;
        this.append = append;
    }

    /** A sample that keeps its findings in an array list under {@link Listing#ALL}. */
    static <T> Sample<T> of(Listing listing) {
        List<T> store = new ArrayList<>();
        return new Sample<>(listing, Collections.unmodifiableList(store), store::add);
    }

    /** Adds the next finding in time order. */
    void add(T item, Verdict verdict, long badness) {
        count(verdict, 1);
        if (all != null) {
            append.accept(item);
            return;
        }
        long seq = next++;
        if (first.size() < limit) {
            first.add(new Entry<>(seq, badness, item));
        }
        if (limit == 0 || (worst.size() == limit && badness <= worst.peek().badness())) {
            return; // no worse than the least bad kept, and later than it
        }
        offerWorst(new Entry<>(seq, badness, item));
    }

    /**
     * Counts {@code count} findings that are listed neither among the first nor among the worst: the
     * caller knows that as many earlier and worse ones were added (under {@link Listing#ALL} it must add
     * them instead).
     */
    void countUnlisted(Verdict verdict, long count) {
        if (all != null && count > 0) {
            throw new IllegalStateException("every finding is listed under Listing.ALL");
        }
        count(verdict, count);
    }

    /** Adds every finding of {@code later}, all of which come after this sample's, with the same listing. */
    void addAll(Sample<T> later) {
        if (limit != later.limit) {
            throw new IllegalArgumentException("samples of different listings cannot be merged");
        }
        pass += later.pass;
        inconclusive += later.inconclusive;
        fail += later.fail;
        if (all != null) {
            later.all.forEach(append);
            return;
        }
        long offset = next;
        for (Entry<T> e : later.first) {
            if (first.size() < limit) {
                first.add(new Entry<>(offset + e.seq(), e.badness(), e.item()));
            }
        }
        for (Entry<T> e : later.worst) {
            offerWorst(new Entry<>(offset + e.seq(), e.badness(), e.item()));
        }
        next += later.next;
    }

    private void offerWorst(Entry<T> e) {
        if (worst.size() < limit) {
            worst.add(e);
        } else if (limit > 0 && LEAST_BAD_FIRST.compare(e, worst.peek()) > 0) {
            worst.poll();
            worst.add(e);
        }
    }

    private void count(Verdict verdict, long count) {
        switch (verdict) {
            case PASS -> pass += count;
            case INCONCLUSIVE -> inconclusive += count;
            case FAIL -> fail += count;
            case ERROR -> throw new IllegalArgumentException("a finding is never 'error'");
        }
    }

    Tally tally() {
        return new Tally(pass, inconclusive, fail);
    }

    /** The listed findings in time order (unmodifiable): every one under {@link Listing#ALL}, as the view given. */
    List<T> listed() {
        if (all != null) {
            return all;
        }
        TreeMap<Long, T> bySeq = new TreeMap<>();
        for (Entry<T> e : first) {
            bySeq.put(e.seq(), e.item());
        }
        for (Entry<T> e : worst) {
            bySeq.put(e.seq(), e.item());
        }
        return List.copyOf(bySeq.values());
    }
}
