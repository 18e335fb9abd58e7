package org.hilrig.runner.gpio;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Pi4J's mock platform is a test tool: it must never reach the rig's runtime class path, where a fixture
 * saying {@code provider: mock} could then drive nothing while a scenario believes it drives a board. The
 * build writes the runtime class path Maven resolves ({@code target/runtime-classpath.txt}, the same
 * resolution that fills {@code target/lib} at package); this test reads it, and {@code target/lib} too
 * when a package has run.
 */
class RuntimeClassPathTest {
    private static final Path TARGET = Path.of("target");

    @Test
    void theRuntimeClassPathHasJnaButNoMockPluginAndNoGpiodPlugin() throws IOException {
        String text = Files.readString(TARGET.resolve("runtime-classpath.txt"), StandardCharsets.UTF_8).trim();
        List<String> jars = Arrays.stream(text.split(File.pathSeparator)).map(p -> Path.of(p).getFileName().toString()).toList();

        assertThat(jars).anyMatch(j -> j.startsWith("pi4j-core-"));
        // Pi4J 2's gpiod plugin bundles libgpiod 1.6 (uAPI v1, ARM only): the rig drives the kernel's uAPI v2 itself
        assertThat(jars).noneMatch(j -> j.startsWith("pi4j-plugin-gpiod-"));
        assertThat(jars).anyMatch(j -> j.startsWith("jna-"));
        assertThat(jars).noneMatch(j -> j.startsWith("pi4j-plugin-mock"));
    }

    @Test
    void thePackagedLibFolderHasNoMockPluginWhenThereIsOne() throws IOException {
        Path lib = TARGET.resolve("lib");
        if (!Files.isDirectory(lib)) {
            return; // only 'mvn package' makes target/lib; the class path file above is the check that always runs
        }
        try (Stream<Path> files = Files.list(lib)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(j -> j.startsWith("pi4j-plugin-mock"));
        }
    }

    @Test
    void theMockPluginIsOnTheTestClassPathSoTheCheckAboveIsNotVacuous() {
        assertThat(System.getProperty("java.class.path") + classPathOfThisJvm()).contains("pi4j-plugin-mock");
    }

    private static String classPathOfThisJvm() {
        try {
            return String.valueOf(Class.forName("com.pi4j.plugin.mock.MockPlugin").getProtectionDomain().getCodeSource().getLocation());
        } catch (ClassNotFoundException e) {
            return "";
        }
    }
}
