package org.hilrig.runner.testsupport;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Hands tests a {@link PostgresServer}: one private cluster for the whole test run, started on first use and
 * stopped and deleted when JUnit closes its root store at the end. Use with {@code @ExtendWith} and take a
 * {@code PostgresServer} as a constructor, lifecycle-method or test parameter.
 */
public final class PostgresExtension implements ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(PostgresExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == PostgresServer.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(PostgresServer.class, k -> {
            try {
                return PostgresServer.start();
            } catch (Exception e) {
                throw new ParameterResolutionException("cannot start a test PostgreSQL: " + e.getMessage(), e);
            }
        }, PostgresServer.class);
    }
}
