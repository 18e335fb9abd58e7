package org.hilrig.runner.station;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordHashTest {
    @Test
    void aHashIsSaltedStatesItsIterationsAndMatchesOnlyItsPassword() {
        String a = PasswordHash.hash("olga-demo-1".toCharArray());
        String b = PasswordHash.hash("olga-demo-1".toCharArray());
        assertThat(a).startsWith("pbkdf2-sha256$600000$").doesNotContain("olga-demo-1").isNotEqualTo(b);
        assertThat(PasswordHash.isHash(a)).isTrue();
        assertThat(PasswordHash.matches("olga-demo-1".toCharArray(), a)).isTrue();
        assertThat(PasswordHash.matches("olga-demo-1".toCharArray(), b)).isTrue();
        assertThat(PasswordHash.matches("olga-demo-2".toCharArray(), a)).isFalse();
        assertThat(PasswordHash.matches("olga-demo-1".toCharArray(), null)).as("unknown name").isFalse();
    }
}
