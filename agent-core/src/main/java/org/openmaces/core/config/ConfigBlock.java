package org.openmaces.core.config;

import java.util.ArrayList;
import java.util.List;
import org.openmaces.core.language.SourceText;

/**
 * A block as written: {@code <Input in> ... </Input>}, {@code <Route r>}, or a nested
 * {@code <Schedule>}. Exec code ({@code Exec} lines and {@code <Exec>} blocks) is kept apart from the
 * other directives, in file order, for the language compiler.
 */
final class ConfigBlock {
    private final String tag;
    private final String name;
    private final Location location;
    private final List<ConfigDirective> directives = new ArrayList<>();
    private final List<SourceText> execSources = new ArrayList<>();
    private final List<ConfigBlock> schedules = new ArrayList<>();

    ConfigBlock(String tag, String name, Location location) {
        this.tag = tag;
        this.name = name;
        this.location = location;
    }

    /** The tag as written, e.g. {@code Input}. */
    String tag() {
        return tag;
    }

    /** The instance or route name; empty for Schedule blocks. */
    String name() {
        return name;
    }

    Location location() {
        return location;
    }

    List<ConfigDirective> directives() {
        return directives;
    }

    List<SourceText> execSources() {
        return execSources;
    }

    List<ConfigBlock> schedules() {
        return schedules;
    }

    boolean isEmpty() {
        return directives.isEmpty() && execSources.isEmpty() && schedules.isEmpty();
    }

    /** Every occurrence of a directive, case-insensitively. */
    List<ConfigDirective> all(String directiveName) {
        return directives.stream().filter(directive -> directive.is(directiveName)).toList();
    }

    ConfigDirective first(String directiveName) {
        for (ConfigDirective directive : directives) {
            if (directive.is(directiveName)) {
                return directive;
            }
        }
        return null;
    }
}
