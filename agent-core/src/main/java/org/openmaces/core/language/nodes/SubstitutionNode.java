package org.openmaces.core.language.nodes;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openmaces.core.language.Captures;
import org.openmaces.core.language.ExecutionContext;
import org.openmaces.core.language.ExecutionException;
import org.openmaces.core.language.runtime.SourceLocation;
import org.openmaces.core.record.FieldName;
import org.openmaces.core.record.LogRecord;
import org.openmaces.core.record.ValueType;

/**
 * {@code $f =~ s/re/replacement/flags}: replaces the first match (every non-overlapping match, left to right,
 * with {@code g}) in the field's value in place; the replacement is literal text. TRUE when anything
 * matched; undef (and no change) when the field is undef. {@code !~} substitutes too and negates the result.
 * The captures are cleared.
 */
public final class SubstitutionNode extends ExpressionNode {
    private final FieldName field;
    private final Pattern pattern;
    private final int slot;
    private final String quotedReplacement;
    private final boolean global;
    private final boolean negated;

    public SubstitutionNode(SourceLocation location, FieldName field, Pattern pattern, int slot, String replacement,
                            boolean global, boolean negated) {
        super(location);
        this.field = field;
        this.pattern = pattern;
        this.slot = slot;
        this.quotedReplacement = Matcher.quoteReplacement(replacement);
        this.global = global;
        this.negated = negated;
    }

    @Override
    public Object evaluate(ExecutionContext context) throws ExecutionException {
        LogRecord record = context.record();
        if (record == null) {
            throw error(FieldNode.missingRecord(field));
        }
        Captures captures = context.captures();
        captures.clear();
        Object value = record.get(field);
        if (value == null) {
            return null;
        }
        if (!(value instanceof String text)) {
            throw error(Values.invalidTypes(value, negated ? "!~" : "=~", pattern) + " (substitution needs a string)");
        }
        Matcher matcher = captures.matcher(slot, pattern, text);
        if (!matcher.find()) {
            return Boolean.valueOf(negated);
        }
        String replaced = global ? matcher.replaceAll(quotedReplacement) : matcher.replaceFirst(quotedReplacement);
        if (field.sameField(org.openmaces.core.record.CoreFields.RAW_EVENT) || !replaced.equals(text)) {
            record.set(field, replaced);
        }
        return Boolean.valueOf(!negated);
    }

    @Override
    public ValueType type() {
        return ValueType.BOOLEAN;
    }
}
