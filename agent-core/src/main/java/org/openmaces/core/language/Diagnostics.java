package org.openmaces.core.language;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Collects every problem of one configuration load, so a single run reports them all. */
public final class Diagnostics {
    private final List<Diagnostic> entries = new ArrayList<>();

    public void add(Diagnostic diagnostic) {
        entries.add(diagnostic);
    }

    public void error(Path file, int line, String message) {
        add(new Diagnostic(Diagnostic.Severity.ERROR, file, line, 0, message, null));
    }

    public void warning(Path file, int line, String message) {
        add(new Diagnostic(Diagnostic.Severity.WARNING, file, line, 0, message, null));
    }

    /** An error at {@code offset} of {@code source}, with its line, column and caret. */
    public void error(SourceText source, int offset, String message) {
        add(new Diagnostic(Diagnostic.Severity.ERROR, source.file(), source.lineAt(offset), source.columnAt(offset),
                message, source.lineText(offset)));
    }

    /** A warning at {@code offset} of {@code source}, with its line, column and caret. */
    public void warning(SourceText source, int offset, String message) {
        add(new Diagnostic(Diagnostic.Severity.WARNING, source.file(), source.lineAt(offset),
                source.columnAt(offset), message, source.lineText(offset)));
    }

    public boolean hasErrors() {
        return entries.stream().anyMatch(entry -> entry.severity() == Diagnostic.Severity.ERROR);
    }

    public int errorCount() {
        return (int) entries.stream().filter(entry -> entry.severity() == Diagnostic.Severity.ERROR).count();
    }

    /** All entries in the order they were found. */
    public List<Diagnostic> all() {
        return Collections.unmodifiableList(entries);
    }

    public List<Diagnostic> errors() {
        return entries.stream().filter(entry -> entry.severity() == Diagnostic.Severity.ERROR).toList();
    }

    public List<Diagnostic> warnings() {
        return entries.stream().filter(entry -> entry.severity() == Diagnostic.Severity.WARNING).toList();
    }
}
