package org.knime.core.node.defaultnodesettings;

/** Stand-in for KNIME 5.1's {@code SettingsModelNumber}, the number models' common type. */
public abstract class SettingsModelNumber extends SettingsModel {
}
