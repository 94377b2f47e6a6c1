package org.openmaces.core.language.parser;

import java.util.List;

/** The syntax tree of a statement (language spec §5); offsets as in {@link Expression}. */
public sealed interface Statement {

    int offset();

    /** {@code { ... }}. */
    record Block(List<Statement> statements, int offset) implements Statement {
        public Block {
            statements = List.copyOf(statements);
        }
    }

    /** {@code if cond then [else otherwise]}; {@code otherwise} is null without else. */
    record If(Expression condition, Statement then, Statement otherwise, int offset) implements Statement {
    }

    /** {@code $field = value;}. */
    record Assignment(Expression.Field target, Expression value, int offset) implements Statement {
    }

    /** {@code name(args);}: a procedure call. */
    record ProcedureCall(Expression.Call call, int offset) implements Statement {
    }

    /** {@code subject =~ /re/;} or {@code $f =~ s/a/b/;}: a match or substitution for its effect. */
    record MatchStatement(Expression match, int offset) implements Statement {
    }

    /** {@code ;}. */
    record Empty(int offset) implements Statement {
    }
}
