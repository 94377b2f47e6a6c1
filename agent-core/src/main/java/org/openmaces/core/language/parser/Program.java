package org.openmaces.core.language.parser;

import java.util.List;
import org.openmaces.core.language.SourceText;

/** The statements parsed from one source (one Exec directive or block), with the source they came from. */
public record Program(SourceText source, List<Statement> statements) {
    public Program {
        statements = List.copyOf(statements);
    }
}
