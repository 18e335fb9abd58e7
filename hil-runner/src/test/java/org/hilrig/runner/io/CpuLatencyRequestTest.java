package org.hilrig.runner.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/**
 * The CPU latency request, read back from the kernel: {@code /dev/cpu_dma_latency} reads as the strictest
 * request in force, so while ours (0) is held it reads 0, and after it is closed it reads what it read
 * before. Where the device cannot be written, the refusal names it.
 */
class CpuLatencyRequestTest {
    @Test
    void whileHeldTheKernelKeepsTheRequestAndDropsItOnClose() throws IOException {
        Integer before = Files.isReadable(CpuLatencyRequest.DEVICE) ? current() : null;

        try (CpuLatencyRequest request = CpuLatencyRequest.request(0)) {
            if (request.refused() != null) {
                assertThat(request.refused()).startsWith(CpuLatencyRequest.DEVICE + ": ");
                return;
            }
            assertThat(current()).as("microseconds in force while held").isZero();
        }
        if (before != null && before != 0) {
            assertThat(current()).as("after close, the request is gone").isEqualTo(before);
        }
    }

    @Test
    void aNegativeLatencyIsRejected() {
        assertThatThrownBy(() -> CpuLatencyRequest.request(-1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("CPU latency -1 ns is negative");
    }

    private static int current() throws IOException {
        try (InputStream in = Files.newInputStream(CpuLatencyRequest.DEVICE)) {
            return ByteBuffer.wrap(in.readNBytes(4)).order(ByteOrder.nativeOrder()).getInt();
        }
    }
}
