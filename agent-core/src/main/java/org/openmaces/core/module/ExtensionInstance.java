package org.openmaces.core.module;

/**
 * An extension: receives no records; registers functions, procedures and framings at creation, and may
 * run {@code <Schedule>} blocks.
 */
public interface ExtensionInstance extends ModuleInstance {
}
