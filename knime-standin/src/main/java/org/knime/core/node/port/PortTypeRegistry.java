package org.knime.core.node.port;

import io.github.sparselr.knime.standin.StandinInternals;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Stand-in for KNIME 5.1's {@code PortTypeRegistry}. KNIME reads port types from plugin.xml; the
 * stand-in registers every class for which a port type is requested.
 */
public final class PortTypeRegistry {

    private static final PortTypeRegistry INSTANCE = new PortTypeRegistry();

    private final Map<String, Class<? extends PortObject>> m_classes = new ConcurrentHashMap<>();

    private final Map<Class<? extends PortObject>, PortType> m_required = new ConcurrentHashMap<>();

    private final Map<Class<? extends PortObject>, PortType> m_optional = new ConcurrentHashMap<>();

    private PortTypeRegistry() {
    }

    public static PortTypeRegistry getInstance() {
        return INSTANCE;
    }

    public synchronized PortType getPortType(final Class<? extends PortObject> portClass) {
        return getPortType(portClass, false);
    }

    public synchronized PortType getPortType(final Class<? extends PortObject> portClass, final boolean isOptional) {
        m_classes.put(portClass.getName(), portClass);
        return (isOptional ? m_optional : m_required).computeIfAbsent(portClass,
            c -> StandinInternals.construct(PortType.class, new Class<?>[] {Class.class, boolean.class}, c,
                isOptional));
    }

    public Optional<Class<? extends PortObject>> getObjectClass(final String className) {
        return Optional.ofNullable(m_classes.get(className));
    }
}
