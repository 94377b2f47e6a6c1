package org.openmaces.core.module;

/** The four roles a module can play; the block tag and the name prefix say which (config spec §4). */
public enum ModuleKind {
    INPUT("Input", "im_"),
    PROCESSOR("Processor", "pm_"),
    OUTPUT("Output", "om_"),
    EXTENSION("Extension", "xm_");

    private final String blockName;
    private final String namePrefix;

    ModuleKind(String blockName, String namePrefix) {
        this.blockName = blockName;
        this.namePrefix = namePrefix;
    }

    /** The config block tag, e.g. {@code Input} for {@code <Input name>}. */
    public String blockName() {
        return blockName;
    }

    /** The module name prefix, e.g. {@code im_}. */
    public String namePrefix() {
        return namePrefix;
    }

    /** The kind whose block tag this is (case-insensitive), or null. */
    public static ModuleKind forBlockName(String tag) {
        for (ModuleKind kind : values()) {
            if (kind.blockName.equalsIgnoreCase(tag)) {
                return kind;
            }
        }
        return null;
    }

    /** The kind a module name's prefix implies, or null when the prefix is none of the four. */
    public static ModuleKind forModuleName(String moduleName) {
        for (ModuleKind kind : values()) {
            if (moduleName.regionMatches(true, 0, kind.namePrefix, 0, kind.namePrefix.length())) {
                return kind;
            }
        }
        return null;
    }
}
