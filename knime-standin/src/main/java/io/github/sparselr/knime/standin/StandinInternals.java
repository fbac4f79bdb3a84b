package io.github.sparselr.knime.standin;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

/**
 * Reflective access to the stand-in's private members. KNIME reaches the same state through
 * package-private members whose signatures we must not imitate, so the stand-in keeps them private
 * and its own classes (and the headless harness) come through here.
 */
public final class StandinInternals {

    private StandinInternals() {
    }

    /** Calls the declared constructor of {@code type} whose parameter types are {@code parameterTypes}. */
    public static <T> T construct(final Class<T> type, final Class<?>[] parameterTypes, final Object... args) {
        try {
            final Constructor<T> c = type.getDeclaredConstructor(parameterTypes);
            c.setAccessible(true);
            return c.newInstance(args);
        } catch (InvocationTargetException e) {
            throw rethrow(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("stand-in wiring: " + e, e);
        }
    }

    /**
     * Invokes a declared method of {@code declaringClass} (found by name and parameter types) on
     * {@code target}; checked exceptions of the method pass through unchanged.
     */
    public static Object invoke(final Class<?> declaringClass, final String name, final Class<?>[] parameterTypes,
        final Object target, final Object... args) throws Exception {
        final Method m;
        try {
            m = declaringClass.getDeclaredMethod(name, parameterTypes);
            m.setAccessible(true);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("stand-in wiring: " + e, e);
        }
        try {
            return m.invoke(target, args);
        } catch (InvocationTargetException e) {
            final Throwable cause = e.getCause();
            if (cause instanceof Exception) {
                throw (Exception) cause;
            }
            throw rethrow(cause);
        }
    }

    /** Reads a declared field. */
    public static Object read(final Class<?> declaringClass, final String name, final Object target) {
        try {
            final Field f = declaringClass.getDeclaredField(name);
            f.setAccessible(true);
            return f.get(target);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("stand-in wiring: " + e, e);
        }
    }

    private static RuntimeException rethrow(final Throwable t) {
        if (t instanceof RuntimeException) {
            throw (RuntimeException) t;
        }
        if (t instanceof Error) {
            throw (Error) t;
        }
        return new IllegalStateException(t);
    }
}
