package org.openmaces.core.language.builtins;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openmaces.core.language.compiler.Builtin;

/** Every function and procedure of the language itself (language spec §6-§9), by name. */
public final class CoreLibrary {
    private static final Map<String, List<Builtin>> BY_NAME = build();

    private CoreLibrary() {
    }

    private static Map<String, List<Builtin>> build() {
        List<Builtin> all = new ArrayList<>();
        StringFunctions.register(all);
        TimeFunctions.register(all);
        StateFunctions.register(all);
        RecordProcedures.register(all);
        SystemFunctions.register(all);
        EncodingFunctions.register(all);
        Map<String, List<Builtin>> byName = new LinkedHashMap<>();
        for (Builtin builtin : all) {
            byName.computeIfAbsent(builtin.name(), ignored -> new ArrayList<>()).add(builtin);
        }
        byName.replaceAll((name, overloads) -> List.copyOf(overloads));
        return Collections.unmodifiableMap(byName);
    }

    /** The overloads of {@code name} (functions and procedures), in declaration order; empty when none. */
    public static List<Builtin> overloads(String name) {
        return BY_NAME.getOrDefault(name, List.of());
    }

    /** Every name the core library defines. */
    public static java.util.Set<String> names() {
        return BY_NAME.keySet();
    }
}
