package org.openmaces.core.language;

/**
 * Per-instance storage for statistical counters ({@code create_stat}, language spec §7) and module
 * variables ({@code create_var}, §6). Shared by the instance's Exec and Schedules, so thread-safe.
 * Not persisted across restarts. Implemented by the language.
 */
public interface InstanceState {
}
