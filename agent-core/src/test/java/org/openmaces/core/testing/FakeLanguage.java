package org.openmaces.core.testing;

import java.util.List;
import org.openmaces.core.language.CompilationScope;
import org.openmaces.core.language.CompiledExpression;
import org.openmaces.core.language.CompiledStatements;
import org.openmaces.core.language.Diagnostics;
import org.openmaces.core.language.ExecutionContext;
import org.openmaces.core.language.InstanceState;
import org.openmaces.core.language.Language;
import org.openmaces.core.language.SourceText;
import org.openmaces.core.record.ValueType;

/**
 * A stand-in for the NXLog language in runtime tests that must not depend on it: understands only
 * {@code drop();} (drops every record) and string-literal expressions; anything else is a compile error.
 */
public final class FakeLanguage implements Language {
    @Override
    public CompiledStatements compileStatements(List<SourceText> sources, CompilationScope scope, Diagnostics diagnostics) {
        boolean drop = false;
        for (SourceText source : sources) {
            String text = source.text().trim();
            if (text.equals("drop();")) {
                drop = true;
            } else if (!text.isEmpty()) {
                diagnostics.error(source, 0, "the fake language understands only drop();");
                return null;
            }
        }
        boolean dropAll = drop;
        return new CompiledStatements() {
            @Override
            public void execute(ExecutionContext context) {
                if (dropAll) {
                    context.markDropped();
                }
            }

            @Override
            public boolean isEmpty() {
                return !dropAll;
            }
        };
    }

    @Override
    public CompiledExpression compileExpression(SourceText source, CompilationScope scope, Diagnostics diagnostics) {
        String text = source.text().trim();
        if (text.length() < 2 || !text.startsWith("\"") || !text.endsWith("\"")) {
            diagnostics.error(source, 0, "the fake language understands only string literals");
            return null;
        }
        String value = text.substring(1, text.length() - 1);
        return new CompiledExpression() {
            @Override
            public Object evaluate(ExecutionContext context) {
                return value;
            }

            @Override
            public ValueType staticType() {
                return ValueType.STRING;
            }

            @Override
            public boolean isConstant() {
                return true;
            }
        };
    }

    @Override
    public InstanceState newInstanceState() {
        return new org.openmaces.core.language.runtime.LanguageInstanceState();
    }
}
