package org.hilrig.device;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * device-models knows timing-core only: no files, network, hardware libraries, hil-runner, wall clock or
 * unseeded randomness (DESIGN.md, STYLE.md).
 */
class DeviceModelsIsolationTest {
    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.hilrig.device");

    @Test
    void touchesNoFileNetworkOrHardwareLibrary() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("java.nio.file..", "java.net..",
                        "com.fazecast..", "io.netty..", "com.pi4j..", "org.hilrig.runner..", "org.snakeyaml..")
                .orShould().dependOnClassesThat().belongToAnyOf(java.io.File.class, java.io.FileInputStream.class,
                        java.io.FileOutputStream.class, java.io.RandomAccessFile.class)
                .check(MAIN);
    }

    @Test
    void readsNoWallClockAndNoUnseededRandomness() {
        noClasses().should().callMethod(System.class, "nanoTime")
                .orShould().callMethod(System.class, "currentTimeMillis")
                .orShould().callMethod(Math.class, "random")
                .orShould().dependOnClassesThat().belongToAnyOf(java.util.Random.class, java.time.Instant.class,
                        java.time.LocalDateTime.class)
                .check(MAIN);
    }
}
