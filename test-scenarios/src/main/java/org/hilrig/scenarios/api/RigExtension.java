package org.hilrig.scenarios.api;

import java.util.Arrays;
import org.hilrig.device.profile.Board;
import org.hilrig.runner.profile.ReferenceProfiles;
import org.hilrig.runner.rig.Rig;
import org.hilrig.runner.rig.SimRigs;
import org.hilrig.runner.run.Library;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 extension that hands a test method a fresh simulated rig, as a {@link Bench} or a bare
 * {@link Rig} parameter, built as {@link SimulatedRig} says (method first, then class). The rig is
 * closed (its outputs returned to the safe state) when the test ends, whatever the outcome. The board
 * profiles come from {@code fixtures/boards} under {@code hil.home} (else the current directory).
 *
 * <pre>
 * &#64;ExtendWith(RigExtension.class)
 * class DoorTest {
 *     &#64;Test
 *     void doorDropsHv(Bench bench) { ... }
 * }
 * </pre>
 */
public final class RigExtension implements ParameterResolver {
    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(RigExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext p, ExtensionContext c) {
        Class<?> type = p.getParameter().getType();
        return type == Bench.class || type == Rig.class;
    }

    @Override
    public Object resolveParameter(ParameterContext p, ExtensionContext c) {
        ExtensionContext.Store store = c.getStore(NS);
        Bench bench = store.getOrComputeIfAbsent("bench", k -> open(c), OpenBench.class).bench();
        return p.getParameter().getType() == Rig.class ? bench.rig() : bench;
    }

    private static OpenBench open(ExtensionContext c) {
        SimulatedRig cfg = c.getTestMethod().map(m -> m.getAnnotation(SimulatedRig.class))
                .or(() -> c.getTestClass().map(k -> k.getAnnotation(SimulatedRig.class))).orElse(null);
        ReferenceProfiles profiles = ReferenceProfiles.load(Library.home().resolve("fixtures/boards"));
        SimRigs rigs = new SimRigs(profiles.all());
        try {
            Rig rig = cfg == null ? rigs.open(Board.GEN, false, 42, java.util.List.of())
                    : rigs.open(cfg.board(), cfg.otherBoardEmulated(), cfg.seed(), Arrays.asList(cfg.defects()));
            return new OpenBench(new Bench(rig));
        } catch (IllegalArgumentException e) {
            throw new ParameterResolutionException("@SimulatedRig: " + e.getMessage(), e);
        }
    }

    /** Closes the rig when JUnit closes the test's store. */
    private record OpenBench(Bench bench) implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() {
            bench.rig().close();
        }
    }
}
