package org.openmaces.core.language.nodes;

import java.util.regex.Pattern;
import org.openmaces.core.language.Captures;
import org.openmaces.core.language.ExecutionContext;
import org.openmaces.core.language.ExecutionException;
import org.openmaces.core.language.runtime.SourceLocation;
import org.openmaces.core.record.FieldName;
import org.openmaces.core.record.LogRecord;
import org.openmaces.core.record.ValueType;

/**
 * {@code subject =~ /re/} and {@code !~}: searches anywhere in the subject with a pattern compiled once.
 * Every evaluation replaces the captures; an undef subject gives undef and no captures. Named groups also
 * set the field of their name (Agent).
 */
public final class MatchNode extends ExpressionNode {
    private final ExpressionNode subject;
    private final Pattern pattern;
    private final int slot;
    private final boolean negated;
    /** Field per group number for named groups, null entries for unnamed ones; null when none is named. */
    private final FieldName[] namedGroups;

    public MatchNode(SourceLocation location, ExpressionNode subject, Pattern pattern, int slot, boolean negated,
                     FieldName[] namedGroups) {
        super(location);
        this.subject = subject;
        this.pattern = pattern;
        this.slot = slot;
        this.negated = negated;
        this.namedGroups = namedGroups;
    }

    @Override
    public Object evaluate(ExecutionContext context) throws ExecutionException {
        Object value = subject.evaluate(context);
        Captures captures = context.captures();
        if (value == null) {
            captures.clear();
            return null;
        }
        if (!(value instanceof String text)) {
            captures.clear();
            throw error(Values.invalidTypes(value, negated ? "!~" : "=~", pattern));
        }
        boolean matched = captures.find(slot, pattern, text);
        if (matched && namedGroups != null) {
            setNamedFields(context, captures);
        }
        return Boolean.valueOf(matched != negated);
    }

    private void setNamedFields(ExecutionContext context, Captures captures) {
        LogRecord record = context.record();
        if (record == null) {
            return;
        }
        for (int group = 1; group < namedGroups.length; group++) {
            if (namedGroups[group] != null) {
                String captured = captures.group(group);
                if (captured != null) {
                    record.set(namedGroups[group], captured);
                }
            }
        }
    }

    public Pattern pattern() {
        return pattern;
    }

    @Override
    public ValueType type() {
        return ValueType.BOOLEAN;
    }
}
