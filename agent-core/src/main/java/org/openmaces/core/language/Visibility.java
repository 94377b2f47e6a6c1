package org.openmaces.core.language;

/** Who may call a module's function or procedure (language spec §5.1). */
public enum Visibility {
    /** Callable by bare name from any Exec (xm_json's {@code to_json()}); also as {@code inst->name()}. */
    GLOBAL,
    /** Must be called as {@code instance->name()} (xm_kvp, xm_csv). */
    PUBLIC,
    /** Only from the registering instance's own Exec and Schedules, bare or {@code inst->name()} (om_file, im_maces). */
    PRIVATE
}
