package org.openmaces.core.language.parser;

import java.util.ArrayList;
import java.util.List;
import org.openmaces.core.language.Diagnostics;
import org.openmaces.core.language.SourceText;
import org.openmaces.core.record.ValueType;

/**
 * Recursive-descent parser for the NXLog language, one method per grammar rule in order of precedence
 * (language spec §3.1, §5):
 *
 * <pre>
 * statements := { statement }
 * statement  := '{' statements '}' | 'if' expression statement [ 'else' statement ]
 *             | FIELD '=' expression ';' | call ';' | match ';' | ';'
 * expression := or
 * or         := and { 'or' and }
 * and        := comparison { 'and' comparison }
 * comparison := additive { ('==' | '!=' | '&lt;' | '&lt;=' | '&gt;' | '&gt;=') additive
 *                        | ('=~' | '!~') (REGEXP | SUBSTITUTION) | ['not'] 'in' '(' list ')' }
 * additive   := term { ('+' | '-') term }
 * term       := unary { ('*' | '/' | '%') unary }
 * unary      := ('not' | 'defined') unary | primary
 * primary    := literal | FIELD | CAPTURE | call | '(' expression ')'
 * call       := [ NAME '-&gt;' ] NAME '(' [ expression { ',' expression } ] ')'
 * </pre>
 *
 * On a syntax error the parser reports it and {@linkplain #synchronize() skips} to the next statement,
 * so one pass reports every error.
 */
public final class Parser {
    private final SourceText source;
    private final List<Token> tokens;
    private final Diagnostics diagnostics;
    private int current;

    private Parser(SourceText source, List<Token> tokens, Diagnostics diagnostics) {
        this.source = source;
        this.tokens = tokens;
        this.diagnostics = diagnostics;
    }

    /** Parses statements; errors are in {@code diagnostics} and the result holds what could be parsed. */
    public static Program parseStatements(SourceText source, java.time.ZoneId localZone, Diagnostics diagnostics) {
        Diagnostics lexical = new Diagnostics();
        List<Token> tokens = new Lexer(source, localZone, lexical).tokens();
        lexical.all().forEach(diagnostics::add);
        return new Parser(source, tokens, diagnostics).statements();
    }

    /** Parses one expression that must take the whole source; null when it has errors. */
    public static Expression parseExpression(SourceText source, java.time.ZoneId localZone, Diagnostics diagnostics) {
        Diagnostics lexical = new Diagnostics();
        List<Token> tokens = new Lexer(source, localZone, lexical).tokens();
        lexical.all().forEach(diagnostics::add);
        return new Parser(source, tokens, diagnostics).wholeExpression(lexical.hasErrors());
    }

    // ---- statements ----

    private Program statements() {
        List<Statement> statements = new ArrayList<>();
        while (!check(TokenKind.END)) {
            try {
                statements.add(statement());
            } catch (ParseError error) {
                synchronize();
            }
        }
        return new Program(source, statements);
    }

    private Expression wholeExpression(boolean lexicalErrors) {
        if (check(TokenKind.END)) {
            error(peek(), "expression required, found nothing");
            return null;
        }
        try {
            Expression expression = expression();
            if (check(TokenKind.SEMICOLON) || check(TokenKind.LEFT_BRACE) || check(TokenKind.ASSIGN)) {
                error(peek(), "Expression required, found a statement");
                return null;
            }
            if (!check(TokenKind.END)) {
                error(peek(), "unexpected " + peek().describe() + " after the expression");
                return null;
            }
            return lexicalErrors ? null : expression;
        } catch (ParseError error) {
            return null;
        }
    }

    private Statement statement() {
        Token first = peek();
        switch (first.kind()) {
            case LEFT_BRACE -> {
                return block();
            }
            case IF -> {
                return ifStatement();
            }
            case SEMICOLON -> {
                advance();
                return new Statement.Empty(first.offset());
            }
            case FIELD -> {
                if (peekAt(1).kind() == TokenKind.ASSIGN) {
                    return assignment();
                }
            }
            case ELSE -> throw error(first, "'else' without a matching 'if'");
            case RIGHT_BRACE -> throw error(first, "unexpected '}' without a matching '{'");
            default -> {
            }
        }
        return expressionStatement();
    }

    private Statement block() {
        Token open = advance();
        List<Statement> statements = new ArrayList<>();
        while (!check(TokenKind.RIGHT_BRACE) && !check(TokenKind.END)) {
            try {
                statements.add(statement());
            } catch (ParseError error) {
                synchronize();
            }
        }
        if (check(TokenKind.END)) {
            throw error(open, "unclosed '{': missing '}' before the end of the Exec");
        }
        advance();
        return new Statement.Block(statements, open.offset());
    }

    private Statement ifStatement() {
        Token keyword = advance();
        Expression condition;
        if (check(TokenKind.LEFT_BRACE) || check(TokenKind.SEMICOLON)) {
            // Report and go on with the branch, so its own errors are found and its '}' is not stray.
            error(peek(), "'if' needs a condition before " + peek().describe());
            condition = new Expression.Literal(ValueType.BOOLEAN, Boolean.TRUE, "TRUE", peek().offset());
        } else {
            condition = expression();
        }
        if (check(TokenKind.END)) {
            throw error(peek(), "'if' needs a statement after its condition");
        }
        Statement then = statement();
        Statement otherwise = null;
        if (match(TokenKind.ELSE)) {
            if (check(TokenKind.END)) {
                throw error(peek(), "'else' needs a statement");
            }
            otherwise = statement();
        }
        return new Statement.If(condition, then, otherwise, keyword.offset());
    }

    private Statement assignment() {
        Token field = advance();
        advance();
        if (check(TokenKind.SEMICOLON) || check(TokenKind.END)) {
            throw error(peek(), "assignment needs a value after '='");
        }
        Expression value = expression();
        if (check(TokenKind.ASSIGN)) {
            throw error(peek(), "'=' assigns and cannot be used inside an expression; compare with '=='");
        }
        consume(TokenKind.SEMICOLON, "expected ';' after the assignment");
        return new Statement.Assignment(new Expression.Field((String) field.value(), isBraced(field), field.offset()),
                value, field.offset());
    }

    private Statement expressionStatement() {
        Token first = peek();
        Expression expression = expression();
        if (check(TokenKind.ASSIGN)) {
            throw error(peek(), "only a field can be assigned to");
        }
        if (expression instanceof Expression.Call call) {
            consume(TokenKind.SEMICOLON, "expected ';' after the procedure call");
            return new Statement.ProcedureCall(call, first.offset());
        }
        if (expression instanceof Expression.Match || expression instanceof Expression.Substitution) {
            consume(TokenKind.SEMICOLON, "expected ';' after the regular expression");
            return new Statement.MatchStatement(expression, first.offset());
        }
        throw error(first, "Statement required, expression found");
    }

    // ---- expressions, lowest precedence first ----

    private Expression expression() {
        return or();
    }

    private Expression or() {
        Expression left = and();
        while (check(TokenKind.OR)) {
            Token operator = advance();
            left = new Expression.Binary(Expression.BinaryOperator.OR, left, and(), operator.offset());
        }
        return left;
    }

    private Expression and() {
        Expression left = comparison();
        while (check(TokenKind.AND)) {
            Token operator = advance();
            left = new Expression.Binary(Expression.BinaryOperator.AND, left, comparison(), operator.offset());
        }
        return left;
    }

    private Expression comparison() {
        Expression left = additive();
        while (true) {
            Token operator = peek();
            Expression.BinaryOperator binary = switch (operator.kind()) {
                case EQUAL -> Expression.BinaryOperator.EQUAL;
                case NOT_EQUAL -> Expression.BinaryOperator.NOT_EQUAL;
                case LESS -> Expression.BinaryOperator.LESS;
                case LESS_EQUAL -> Expression.BinaryOperator.LESS_EQUAL;
                case GREATER -> Expression.BinaryOperator.GREATER;
                case GREATER_EQUAL -> Expression.BinaryOperator.GREATER_EQUAL;
                default -> null;
            };
            if (binary != null) {
                advance();
                left = new Expression.Binary(binary, left, additive(), operator.offset());
            } else if (operator.kind() == TokenKind.MATCH || operator.kind() == TokenKind.NOT_MATCH) {
                advance();
                left = regexpOperand(left, operator);
            } else if (operator.kind() == TokenKind.IN
                    || (operator.kind() == TokenKind.NOT && peekAt(1).kind() == TokenKind.IN)) {
                boolean negated = operator.kind() == TokenKind.NOT;
                advance();
                if (negated) {
                    advance();
                }
                left = new Expression.In(left, inList(), negated, operator.offset());
            } else {
                return left;
            }
        }
    }

    private Expression regexpOperand(Expression subject, Token operator) {
        boolean negated = operator.kind() == TokenKind.NOT_MATCH;
        Token literal = peek();
        if (literal.kind() == TokenKind.REGEXP) {
            advance();
            return new Expression.Match(subject, (RegexpLiteral) literal.value(), negated, operator.offset(),
                    literal.offset());
        }
        if (literal.kind() == TokenKind.SUBSTITUTION) {
            advance();
            if (!(subject instanceof Expression.Field)) {
                error(operator, "field required for left operand of regexp substitution");
            }
            return new Expression.Substitution(subject, (SubstitutionLiteral) literal.value(), negated,
                    operator.offset(), literal.offset());
        }
        throw error(literal, "expected a regular expression /.../ or a substitution s/.../.../ after "
                + operator.describe() + ", found " + literal.describe());
    }

    private List<Expression> inList() {
        consume(TokenKind.LEFT_PAREN, "expected '(' and a list of values after IN");
        List<Expression> candidates = new ArrayList<>();
        do {
            candidates.add(expression());
        } while (match(TokenKind.COMMA));
        consume(TokenKind.RIGHT_PAREN, "expected ')' after the IN list");
        return candidates;
    }

    private Expression additive() {
        Expression left = term();
        while (check(TokenKind.PLUS) || check(TokenKind.MINUS)) {
            Token operator = advance();
            Expression.BinaryOperator binary = operator.kind() == TokenKind.PLUS
                    ? Expression.BinaryOperator.ADD : Expression.BinaryOperator.SUBTRACT;
            left = new Expression.Binary(binary, left, term(), operator.offset());
        }
        if (check(TokenKind.INTEGER) && peek().text().startsWith("-")) {
            throw error(peek(), "'" + peek().text() + "' is read as a negative number here: write '- "
                    + peek().text().substring(1) + "' with a space after the minus");
        }
        return left;
    }

    private Expression term() {
        Expression left = unary();
        while (check(TokenKind.STAR) || check(TokenKind.SLASH) || check(TokenKind.PERCENT)) {
            Token operator = advance();
            Expression.BinaryOperator binary = switch (operator.kind()) {
                case STAR -> Expression.BinaryOperator.MULTIPLY;
                case SLASH -> Expression.BinaryOperator.DIVIDE;
                default -> Expression.BinaryOperator.MODULO;
            };
            left = new Expression.Binary(binary, left, unary(), operator.offset());
        }
        return left;
    }

    private Expression unary() {
        if (check(TokenKind.NOT) && peekAt(1).kind() != TokenKind.IN) {
            Token operator = advance();
            return new Expression.Unary(Expression.UnaryOperator.NOT, unary(), operator.offset());
        }
        if (check(TokenKind.DEFINED)) {
            Token operator = advance();
            return new Expression.Unary(Expression.UnaryOperator.DEFINED, unary(), operator.offset());
        }
        return primary();
    }

    private Expression primary() {
        Token token = peek();
        switch (token.kind()) {
            case INTEGER -> {
                advance();
                return new Expression.Literal(ValueType.INTEGER, token.value(), token.text(), token.offset());
            }
            case STRING -> {
                advance();
                return new Expression.Literal(ValueType.STRING, token.value(), token.text(), token.offset());
            }
            case DATETIME -> {
                advance();
                return new Expression.Literal(ValueType.DATETIME, token.value(), token.text(), token.offset());
            }
            case IP4ADDR -> {
                advance();
                return new Expression.Literal(ValueType.IP4ADDR, token.value(), token.text(), token.offset());
            }
            case IP6ADDR -> {
                advance();
                return new Expression.Literal(ValueType.IP6ADDR, token.value(), token.text(), token.offset());
            }
            case TRUE, FALSE -> {
                advance();
                return new Expression.Literal(ValueType.BOOLEAN, token.value(), token.text(), token.offset());
            }
            case UNDEF -> {
                advance();
                return new Expression.Literal(ValueType.UNKNOWN, null, token.text(), token.offset());
            }
            case FIELD -> {
                advance();
                return new Expression.Field((String) token.value(), isBraced(token), token.offset());
            }
            case CAPTURE -> {
                advance();
                return new Expression.Capture((Integer) token.value(), token.offset());
            }
            case IDENTIFIER -> {
                return call();
            }
            case LEFT_PAREN -> {
                advance();
                Expression inner = expression();
                consume(TokenKind.RIGHT_PAREN, "expected ')' to close '('");
                return inner;
            }
            case MINUS -> throw error(token, "unexpected '-': there is no unary minus; write a negative literal"
                    + " such as -1 without a space");
            case XOR -> throw error(token, "operator 'xor' is reserved and not implemented");
            case REGEXP, SUBSTITUTION -> throw error(token, "a regular expression can only follow '=~' or '!~'");
            default -> throw error(token, "expected an expression, found " + token.describe());
        }
    }

    private Expression call() {
        Token first = advance();
        String instance = null;
        Token name = first;
        if (match(TokenKind.ARROW)) {
            instance = (String) first.value();
            name = consume(TokenKind.IDENTIFIER, "expected a function or procedure name after '->'");
        }
        if (!check(TokenKind.LEFT_PAREN)) {
            throw error(name, "unexpected name " + name.describe()
                    + ": a function or procedure call needs '(', a field needs '$'");
        }
        advance();
        List<Expression> arguments = new ArrayList<>();
        if (!check(TokenKind.RIGHT_PAREN)) {
            do {
                arguments.add(expression());
            } while (match(TokenKind.COMMA));
        }
        consume(TokenKind.RIGHT_PAREN, "expected ')' or ',' in the argument list of " + name.value() + "()");
        return new Expression.Call(instance, (String) name.value(), arguments, first.offset());
    }

    // ---- helpers ----

    /** After an error: skip to just past the next ';', or to the next token that can start a statement. */
    private void synchronize() {
        int errorPosition = current;
        while (!check(TokenKind.END)) {
            TokenKind kind = peek().kind();
            if (kind == TokenKind.SEMICOLON) {
                advance();
                return;
            }
            if ((kind == TokenKind.RIGHT_BRACE || kind == TokenKind.IF || kind == TokenKind.LEFT_BRACE)
                    && current > errorPosition) {
                return;
            }
            advance();
        }
    }

    private static boolean isBraced(Token field) {
        return field.text().startsWith("${");
    }

    private Token consume(TokenKind kind, String message) {
        if (check(kind)) {
            return advance();
        }
        throw error(peek(), message + ", found " + peek().describe());
    }

    private boolean match(TokenKind kind) {
        if (check(kind)) {
            advance();
            return true;
        }
        return false;
    }

    private boolean check(TokenKind kind) {
        return peek().kind() == kind;
    }

    private Token advance() {
        Token token = peek();
        if (token.kind() != TokenKind.END) {
            current++;
        }
        return token;
    }

    private Token peek() {
        return tokens.get(current);
    }

    private Token peekAt(int ahead) {
        return tokens.get(Math.min(current + ahead, tokens.size() - 1));
    }

    private ParseError error(Token token, String message) {
        diagnostics.error(source, token.offset(), message);
        return new ParseError();
    }

    /** Unwinds to the statement loop after a reported syntax error. */
    private static final class ParseError extends RuntimeException {
        ParseError() {
            super(null, null, false, false);
        }
    }
}
