package org.knime.core.node.util.filter;

import java.util.List;

/** Stand-in for KNIME 5.1's {@code NameFilterConfiguration}; only its result type is used. */
public class NameFilterConfiguration {

    private NameFilterConfiguration() {
    }

    /** The names a filter includes and excludes, in input order, and the configured names that are gone. */
    public static class FilterResult {

        private final String[] m_incls;

        private final String[] m_excls;

        private final String[] m_removedFromIncludes;

        private final String[] m_removedFromExcludes;

        public FilterResult(final List<String> incls, final List<String> excls,
            final List<String> removedFromIncludes, final List<String> removedFromExcludes) {
            m_incls = incls.toArray(new String[0]);
            m_excls = excls.toArray(new String[0]);
            m_removedFromIncludes = removedFromIncludes.toArray(new String[0]);
            m_removedFromExcludes = removedFromExcludes.toArray(new String[0]);
        }

        public String[] getRemovedFromIncludes() {
            return m_removedFromIncludes.clone();
        }

        public String[] getRemovedFromExcludes() {
            return m_removedFromExcludes.clone();
        }

        public String[] getIncludes() {
            return m_incls.clone();
        }

        public String[] getExcludes() {
            return m_excls.clone();
        }
    }
}
