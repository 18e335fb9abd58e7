package org.hilrig.timing.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.hilrig.timing.verdict.Verdict;
import org.junit.jupiter.api.Test;

/** A sample merged into an earlier one brings every finding it counted, passes included. */
class SampleTest {
    @Test
    void mergingAddsEveryCountOfTheLaterSample() {
        for (Listing listing : new Listing[] {Listing.ALL, Listing.firstAndWorst(1)}) {
            Sample<String> earlier = Sample.of(listing);
            earlier.add("i", Verdict.INCONCLUSIVE, 1);
            Sample<String> later = Sample.of(listing);
            later.add("p", Verdict.PASS, 0);
            later.add("f", Verdict.FAIL, 5);

            earlier.addAll(later);

            assertThat(earlier.tally()).as(listing.toString()).isEqualTo(new Tally(1, 1, 1));
        }
        Sample<String> all = Sample.of(Listing.ALL);
        Sample<String> later = Sample.of(Listing.ALL);
        later.add("p", Verdict.PASS, 0);
        later.add("f", Verdict.FAIL, 5);
        all.add("i", Verdict.INCONCLUSIVE, 1);
        all.addAll(later);
        assertThat(all.listed()).containsExactly("i", "p", "f");
    }
}
