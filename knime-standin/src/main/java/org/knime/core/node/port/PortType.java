package org.knime.core.node.port;

import java.lang.reflect.Method;
import java.util.Objects;

/** Stand-in for KNIME 5.1's {@code PortType}: a port object class and whether the port is optional. */
public final class PortType {

    private final Class<? extends PortObject> m_objectClass;

    private final boolean m_optional;

    private PortType(final Class<? extends PortObject> objectClass, final boolean optional) {
        m_objectClass = objectClass;
        m_optional = optional;
    }

    public String getName() {
        return m_objectClass.getSimpleName();
    }

    @SuppressWarnings("unchecked")
    public Class<? extends PortObjectSpec> getPortObjectSpecClass() {
        try {
            final Method getSpec = m_objectClass.getMethod("getSpec");
            return (Class<? extends PortObjectSpec>) getSpec.getReturnType();
        } catch (NoSuchMethodException e) {
            return PortObjectSpec.class;
        }
    }

    public Class<? extends PortObject> getPortObjectClass() {
        return m_objectClass;
    }

    public boolean isOptional() {
        return m_optional;
    }

    public boolean acceptsPortObjectClass(final Class<? extends PortObject> portObjectClass) {
        return m_objectClass.isAssignableFrom(portObjectClass);
    }

    public boolean acceptsPortObjectSpec(final PortObjectSpec spec) {
        return spec == null || getPortObjectSpecClass().isInstance(spec);
    }

    public boolean acceptsPortObject(final PortObject obj) {
        return obj == null ? m_optional : m_objectClass.isInstance(obj);
    }

    @Override
    public String toString() {
        return getName() + (m_optional ? " (optional)" : "");
    }

    @Override
    public int hashCode() {
        return Objects.hash(m_objectClass, m_optional);
    }

    @Override
    public boolean equals(final Object obj) {
        return obj instanceof PortType && ((PortType) obj).m_objectClass == m_objectClass
            && ((PortType) obj).m_optional == m_optional;
    }
}
