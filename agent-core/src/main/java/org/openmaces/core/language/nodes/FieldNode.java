package org.openmaces.core.language.nodes;

import org.openmaces.core.language.ExecutionContext;
import org.openmaces.core.language.ExecutionException;
import org.openmaces.core.language.runtime.SourceLocation;
import org.openmaces.core.record.FieldName;
import org.openmaces.core.record.LogRecord;

/** {@code $Name}: reads a field, resolved to a {@link FieldName} at compile time. */
public final class FieldNode extends ExpressionNode {
    private final FieldName name;
    /** The name as written when it is a read-only alias of {@link #name}, else null. */
    private final String alias;

    public FieldNode(SourceLocation location, FieldName name) {
        this(location, name, null);
    }

    public FieldNode(SourceLocation location, FieldName name, String alias) {
        super(location);
        this.name = name;
        this.alias = alias;
    }

    /** The alias as written when this reads a field through a read-only alias, else null. */
    public String alias() {
        return alias;
    }

    @Override
    public Object evaluate(ExecutionContext context) throws ExecutionException {
        LogRecord record = context.record();
        if (record == null) {
            throw error(missingRecord(name));
        }
        return record.get(name);
    }

    public FieldName name() {
        return name;
    }

    static String missingRecord(FieldName name) {
        return "missing logdata, cannot access field $" + name.spelling()
                + "; operation possibly after drop() or in a Schedule, where there is no record";
    }
}
