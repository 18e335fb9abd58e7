package org.hilrig.runner;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.hilrig.timing.MonotonicClock;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The module layering of DESIGN.md and the determinism rules of STYLE.md, checked on the shipped classes
 * of timing-core, device-models and hil-runner (all on this module's test class path).
 */
class ArchitectureTest {
    private static JavaClasses shipped;

    @BeforeAll
    static void importShippedClasses() {
        shipped = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.hilrig");
    }

    @Test
    void everyModuleIsImportedSoTheRulesBelowCheckSomething() {
        assertThat(shipped.contain("org.hilrig.timing.sched.Scheduler")).isTrue();
        assertThat(shipped.contain("org.hilrig.device.protocol.FrameDecoder")).isTrue();
        assertThat(shipped.contain("org.hilrig.runner.cli.Hil")).isTrue();
        assertThat(shipped.contain(ArchitectureTest.class)).as("test classes are excluded").isFalse();
    }

    @Test
    void theTimingCoreKnowsNoOtherModuleAndNoLibrary() {
        classes().that().resideInAPackage("org.hilrig.timing..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "org.hilrig.timing..")
                .because("timing-core knows nothing of X-rays, files formats aside, or hardware")
                .check(shipped);
    }

    @Test
    void deviceModelsKnowOnlyTheTimingCoreAndTheJdkLanguageAndCollections() {
        classes().that().resideInAPackage("org.hilrig.device..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java.lang..", "java.util..", "java.math..",
                        "java.nio.charset..", "java.nio", "org.hilrig.timing..", "org.hilrig.device..")
                .because("device-models touches no file system, network, Pi4J, jSerialComm or Netty")
                .check(shipped);
    }

    @Test
    void hardwareAndNetworkLibrariesAppearOnlyInTheRunnersAdapters() {
        noClasses().that().resideOutsideOfPackages("org.hilrig.runner.io..", "org.hilrig.runner.gpio..")
                .should().dependOnClassesThat().resideInAnyPackage("com.fazecast..", "io.netty..", "com.pi4j..",
                        "com.sun.jna..")
                .check(shipped);
    }

    @Test
    void simulationNeverReadsTheWallClockOrSleeps() {
        noClasses().that().resideInAnyPackage("org.hilrig.timing..", "org.hilrig.device..")
                .and().doNotHaveFullyQualifiedName(MonotonicClock.class.getName())
                .should().callMethod(System.class, "nanoTime")
                .orShould().callMethod(System.class, "currentTimeMillis")
                .orShould().callMethod(Thread.class, "sleep", long.class)
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.time.Instant")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.time.Clock")
                .check(shipped);
    }

    @Test
    void randomnessComesOnlyFromTheSeededStreams() {
        noClasses().that().resideInAnyPackage("org.hilrig.timing..", "org.hilrig.device..", "org.hilrig.runner..")
                .should().dependOnClassesThat().haveFullyQualifiedName("java.util.Random")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.util.concurrent.ThreadLocalRandom")
                .orShould().callMethod(Math.class, "random")
                .check(shipped);
    }

    @Test
    void theRunnersPackagesDependOnEachOtherWithoutCycles() {
        slices().matching("org.hilrig.runner.(*)..").should().beFreeOfCycles()
                .because("a package that needs another which needs it back is one package in two places")
                .check(shipped);
    }

    @Test
    void theDeviceModelsPackagesDependOnEachOtherWithoutCycles() {
        slices().matching("org.hilrig.device.(*)..").should().beFreeOfCycles().check(shipped);
    }

    @Test
    void theTimingCorePackagesDependOnEachOtherWithoutCycles() {
        slices().matching("org.hilrig.timing.(*)..").should().beFreeOfCycles().check(shipped);
    }
}
