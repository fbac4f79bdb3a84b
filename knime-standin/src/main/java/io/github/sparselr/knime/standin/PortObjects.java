package io.github.sparselr.knime.standin;

import java.io.IOException;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortTypeRegistry;

/** How the stand-in's serializers turn a saved class name back into an empty port object. */
public final class PortObjects {

    private PortObjects() {
    }

    /** A new instance, by its public no-arg constructor, of a port object class the registry knows. */
    public static PortObject instantiate(final String className) throws IOException {
        final Class<? extends PortObject> c = PortTypeRegistry.getInstance().getObjectClass(className)
            .orElseThrow(() -> new IOException("No port object class '" + className + "' is registered."));
        try {
            return c.getConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IOException("Unable to instantiate the port object " + className + ": " + e, e);
        }
    }
}
