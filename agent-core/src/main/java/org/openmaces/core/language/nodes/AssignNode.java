package org.openmaces.core.language.nodes;

import org.openmaces.core.language.ExecutionContext;
import org.openmaces.core.language.ExecutionException;
import org.openmaces.core.language.runtime.SourceLocation;
import org.openmaces.core.record.FieldName;
import org.openmaces.core.record.LogRecord;

/**
 * {@code $field = value;}: replaces the value in place or appends the field; undef keeps the field with an
 * undef value. {@code $raw_event} only takes a defined string.
 */
public final class AssignNode extends StatementNode {
    private final FieldName field;
    private final ExpressionNode value;
    private final boolean rawEvent;

    public AssignNode(SourceLocation location, FieldName field, ExpressionNode value) {
        super(location);
        this.field = field;
        this.value = value;
        this.rawEvent = field.sameField(org.openmaces.core.record.CoreFields.RAW_EVENT);
    }

    @Override
    public void execute(ExecutionContext context) throws ExecutionException {
        Object result = value.evaluate(context);
        LogRecord record = context.record();
        if (record == null) {
            throw new org.openmaces.core.language.runtime.RuntimeError(location, FieldNode.missingRecord(field));
        }
        if (rawEvent && !(result instanceof String)) {
            throw new org.openmaces.core.language.runtime.RuntimeError(location,
                    "'raw_event' cannot be set to " + (result == null ? "undef" : "a value of type "
                            + Values.typeName(result)) + ": it must be a string");
        }
        record.set(field, result);
    }
}
