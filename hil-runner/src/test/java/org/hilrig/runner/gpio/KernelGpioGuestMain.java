package org.hilrig.runner.gpio;

public final class KernelGpioGuestMain {
    private KernelGpioGuestMain() {
    }

    public static void main(String[] args) throws Exception {
        System.out.println("hello from " + System.getProperty("os.arch"));
        for (String f : new String[] {"/sys/kernel/config/gpio-sim", "/sys/kernel/tracing/events/gpio"}) {
            System.out.println(f + " " + new java.io.File(f).exists());
        }
        System.out.println("guest: 0 passed, 0 failed");
    }
}
