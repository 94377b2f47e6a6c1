package org.openmaces.core.language.compiler;

import org.openmaces.core.config.Suggestions;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.openmaces.core.config.Suggestions;
import org.openmaces.core.language.CompilationScope;
import org.openmaces.core.language.Diagnostics;
import org.openmaces.core.language.SourceText;
import org.openmaces.core.module.FieldSpec;

/**
 * Warnings about programs that compile but are probably wrong: reading a field the instance's records
 * never carry (with the nearest known name), unreachable statements, fields used where there is no record.
 * (Regular expressions that can never match are found by the compiler.)
 */
final class Lint {
    private static final Set<String> CORE_FIELDS = Set.of("raw_event", "eventreceivedtime", "sourcemodulename",
            "sourcemoduletype");

    private final CompilationScope scope;
    private final Diagnostics diagnostics;
    private final Set<String> assigned = new HashSet<>();
    private final Map<String, Read> firstReads = new LinkedHashMap<>();
    private boolean noRecordReported;
    private boolean fieldsMaySetElsewhere;

    Lint(CompilationScope scope, Diagnostics diagnostics) {
        this.scope = scope;
        this.diagnostics = diagnostics;
    }

    private record Read(SourceText source, int offset, String name) {
    }

    void read(SourceText source, int offset, String name) {
        firstReads.putIfAbsent(name.toLowerCase(Locale.ROOT), new Read(source, offset, name));
    }

    void assigned(String name) {
        assigned.add(name.toLowerCase(Locale.ROOT));
    }

    /** The program calls another module's function or procedure, which may set fields of its own. */
    void fieldsMaySetElsewhere() {
        fieldsMaySetElsewhere = true;
    }

    void unreachable(SourceText source, int offset) {
        diagnostics.warning(source, offset, "unreachable code: the record was dropped by drop() before this statement");
    }

    void noRecord(SourceText source, int offset, String name) {
        if (!noRecordReported) {
            noRecordReported = true;
            diagnostics.warning(source, offset, "$" + name + " is used where there is no record (a Schedule or an"
                    + " extension): it fails at run time");
        }
    }

    /** Reports reads of unknown fields; call once the whole program was compiled. */
    void finish() {
        List<FieldSpec> known = scope.knownFields();
        if (known.isEmpty() || !scope.hasRecord() || fieldsMaySetElsewhere) {
            firstReads.clear();
            return;
        }
        Set<String> knownNames = new HashSet<>(CORE_FIELDS);
        List<String> spellings = new ArrayList<>();
        for (FieldSpec field : known) {
            knownNames.add(field.name().toLowerCase(Locale.ROOT));
            spellings.add(field.name());
        }
        knownNames.addAll(scope.fieldAliases().keySet());
        for (Read read : firstReads.values()) {
            String lower = read.name().toLowerCase(Locale.ROOT);
            if (knownNames.contains(lower) || assigned.contains(lower)) {
                continue;
            }
            String nearest = Suggestions.nearest(read.name(), spellings);
            diagnostics.warning(read.source(), read.offset(), "field $" + read.name() + " is never set by "
                    + scope.moduleName() + " records" + (nearest == null ? "" : "; did you mean $" + nearest + "?"));
        }
        firstReads.clear();
    }
}
