package org.hilrig.runner.gpio;

import com.pi4j.Pi4J;
import com.pi4j.context.Context;
import com.pi4j.extension.Plugin;
import com.pi4j.extension.PluginService;
import com.pi4j.platform.Platform;
import com.pi4j.provider.Provider;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import org.hilrig.timing.RigFailureException;

/**
 * Builds a Pi4J context holding exactly the providers a fixture names, by id. Pi4J's own auto-detection
 * keeps one provider per I/O type from whatever plugins are on the class path; the rig instead asks each
 * plugin for its providers and keeps only the ones asked for, so the fixture decides and nothing is
 * auto-detected. The mock plugin is a test dependency and is not compiled against.
 */
final class Pi4jProviders {
    /** Pi4J's mock provider ids ({@code Mock.DIGITAL_OUTPUT_PROVIDER_ID}, {@code Mock.DIGITAL_INPUT_PROVIDER_ID}). */
    static final String MOCK_OUTPUT = "mock-digital-output";
    static final String MOCK_INPUT = "mock-digital-input";

    private Pi4jProviders() {
    }

    /**
     * A context with the providers of these ids.
     *
     * @param shutdownHook whether Pi4J shuts its I/O down (outputs to their shutdown state) when the JVM exits
     * @throws RigFailureException naming the missing ids and the plugin jar that brings them
     */
    @SuppressWarnings("rawtypes") // Pi4J's PluginService and ContextBuilder take raw Provider arrays
    static Context context(List<String> providerIds, boolean shutdownHook, String jarHint) {
        List<Provider> found = new ArrayList<>();
        for (Plugin plugin : ServiceLoader.load(Plugin.class)) {
            plugin.initialize(new PluginService() {
                @Override
                public Context context() {
                    return null;
                }

                @Override
                public PluginService register(Provider... providers) {
                    for (Provider p : providers) {
                        if (providerIds.contains(p.id()) && found.stream().noneMatch(f -> f.id().equals(p.id()))) {
                            found.add(p);
                        }
                    }
                    return this;
                }

                @Override
                public PluginService register(Platform... platforms) {
                    return this;
                }
            });
        }
        List<String> missing = providerIds.stream().filter(id -> found.stream().noneMatch(p -> p.id().equals(id))).toList();
        if (!missing.isEmpty()) {
            throw new RigFailureException("Pi4J provider " + String.join(", ", missing) + " is not on the class path ("
                    + jarHint + ")");
        }
        return Pi4J.newContextBuilder().noAutoDetect().setShutdownHook(shutdownHook)
                .add(found.toArray(Provider[]::new)).build();
    }
}
