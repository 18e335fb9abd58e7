package org.hilrig.device.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class Crc16CcittTest {
    @Test
    void checkValueOfTheNineDigitsIs29B1() {
        assertThat(Crc16Ccitt.of("123456789".getBytes(StandardCharsets.US_ASCII))).isEqualTo(0x29B1);
    }

    @Test
    void crcOfNothingIsTheInitialValue() {
        assertThat(Crc16Ccitt.of(new byte[0])).isEqualTo(0xFFFF);
    }

    @Test
    void runningUpdateEqualsTheWholeComputationOverASlice() {
        byte[] b = "xx01,VER,yy".getBytes(StandardCharsets.US_ASCII);
        int crc = Crc16Ccitt.INITIAL;
        for (int i = 2; i < 9; i++) {
            crc = Crc16Ccitt.update(crc, b[i]);
        }
        assertThat(crc).isEqualTo(Crc16Ccitt.of(b, 2, 7)).isEqualTo(0x683C);
    }
}
