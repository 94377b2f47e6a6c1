package org.openmaces.core.language.compiler;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.openmaces.core.language.CompilationScope;
import org.openmaces.core.language.CompiledExpression;
import org.openmaces.core.language.CompiledStatements;
import org.openmaces.core.language.Conversions;
import org.openmaces.core.language.Diagnostics;
import org.openmaces.core.language.ExecutionContext;
import org.openmaces.core.language.ExecutionException;
import org.openmaces.core.language.FunctionDefinition;
import org.openmaces.core.language.FunctionTable;
import org.openmaces.core.language.LanguageSettings;
import org.openmaces.core.language.ProcedureDefinition;
import org.openmaces.core.language.SourceText;
import org.openmaces.core.language.Visibility;
import org.openmaces.core.language.builtins.CoreLibrary;
import org.openmaces.core.language.nodes.AddNode;
import org.openmaces.core.language.nodes.AndNode;
import org.openmaces.core.language.nodes.ArithmeticNode;
import org.openmaces.core.language.nodes.AssignNode;
import org.openmaces.core.language.nodes.BlockNode;
import org.openmaces.core.language.nodes.CallNode;
import org.openmaces.core.language.nodes.CaptureNode;
import org.openmaces.core.language.nodes.CompareNode;
import org.openmaces.core.language.nodes.ConstantNode;
import org.openmaces.core.language.nodes.DefinedNode;
import org.openmaces.core.language.nodes.DispatchNode;
import org.openmaces.core.language.nodes.EqualNode;
import org.openmaces.core.language.nodes.EvaluateNode;
import org.openmaces.core.language.nodes.ExpressionNode;
import org.openmaces.core.language.nodes.FieldNode;
import org.openmaces.core.language.nodes.IfNode;
import org.openmaces.core.language.nodes.InNode;
import org.openmaces.core.language.nodes.Invokers;
import org.openmaces.core.language.nodes.MatchNode;
import org.openmaces.core.language.nodes.NotNode;
import org.openmaces.core.language.nodes.OrNode;
import org.openmaces.core.language.nodes.StatementNode;
import org.openmaces.core.language.nodes.SubstitutionNode;
import org.openmaces.core.language.nodes.SubtractNode;
import org.openmaces.core.language.parser.Expression;
import org.openmaces.core.language.parser.Parser;
import org.openmaces.core.language.parser.Program;
import org.openmaces.core.language.parser.Statement;
import org.openmaces.core.language.runtime.RuntimeError;
import org.openmaces.core.language.runtime.SourceLocation;
import org.openmaces.core.record.FieldName;
import org.openmaces.core.record.ValueType;

/**
 * Compiles syntax trees into closures ({@link org.openmaces.core.language.nodes}), checking types where
 * they are known, resolving field names, functions and overloads, compiling regular expressions and
 * folding constants, and reports every error and lint warning of the whole program in one pass.
 * One compiler per program; not thread-safe.
 */
public final class Compiler implements BuildContext {
    private final CompilationScope scope;
    private final LanguageSettings settings;
    private final Conversions conversions;
    private final Diagnostics diagnostics;
    private final Lint lint;
    private SourceText source;
    private int callOffset;
    private int matcherSlots;
    private ExecutionContext foldingContext;

    public Compiler(CompilationScope scope, LanguageSettings settings, Diagnostics diagnostics) {
        this.scope = scope;
        this.settings = settings;
        this.conversions = Conversions.of(settings);
        this.diagnostics = diagnostics;
        this.lint = new Lint(scope, diagnostics);
    }

    // ---- entry points ----

    /** Null when there are errors (they are in the diagnostics). */
    public CompiledStatements compileStatements(List<SourceText> sources) {
        int errorsBefore = diagnostics.errorCount();
        List<StatementNode> compiled = new ArrayList<>();
        SourceLocation start = null;
        boolean dropped = false;
        for (SourceText text : sources) {
            Program program = Parser.parseStatements(text, conversions.parseZone(), diagnostics);
            source = text;
            if (start == null) {
                start = SourceLocation.of(text, 0);
            }
            for (Statement statement : program.statements()) {
                if (dropped) {
                    lint.unreachable(text, statement.offset());
                    dropped = false;
                }
                compiled.add(statement(statement));
                dropped = alwaysDrops(statement) || dropped;
            }
        }
        lint.finish();
        if (diagnostics.errorCount() > errorsBefore) {
            return null;
        }
        return new CompiledProgram(compiled.toArray(new StatementNode[0]),
                start == null ? new SourceLocation(null, 0, 0) : start);
    }

    /** Null when there are errors. */
    public CompiledExpression compileExpression(SourceText text) {
        int errorsBefore = diagnostics.errorCount();
        Expression expression = Parser.parseExpression(text, conversions.parseZone(), diagnostics);
        if (expression == null) {
            return null;
        }
        source = text;
        ExpressionNode node = expression(expression);
        lint.finish();
        return diagnostics.errorCount() > errorsBefore ? null : new CompiledValue(node);
    }

    // ---- statements ----

    private StatementNode statement(Statement statement) {
        SourceLocation location = location(statement.offset());
        if (statement instanceof Statement.Block block) {
            return new BlockNode(location, block(block.statements()));
        }
        if (statement instanceof Statement.If conditional) {
            ExpressionNode condition = expression(conditional.condition());
            StatementNode then = statement(conditional.then());
            StatementNode otherwise = conditional.otherwise() == null ? null : statement(conditional.otherwise());
            return new IfNode(location, condition, then, otherwise);
        }
        if (statement instanceof Statement.Assignment assignment) {
            return assignment(assignment, location);
        }
        if (statement instanceof Statement.ProcedureCall call) {
            return new EvaluateNode(call(call.call(), true));
        }
        if (statement instanceof Statement.MatchStatement match) {
            return new EvaluateNode(expression(match.match()));
        }
        return new BlockNode(location, new StatementNode[0]);
    }

    private StatementNode[] block(List<Statement> statements) {
        List<StatementNode> compiled = new ArrayList<>();
        boolean dropped = false;
        for (Statement statement : statements) {
            if (dropped) {
                lint.unreachable(source, statement.offset());
                dropped = false;
            }
            compiled.add(statement(statement));
            dropped = alwaysDrops(statement) || dropped;
        }
        return compiled.toArray(new StatementNode[0]);
    }

    /** True for {@code drop();} and blocks that end in it: what follows never runs. */
    private static boolean alwaysDrops(Statement statement) {
        if (statement instanceof Statement.ProcedureCall call) {
            return call.call().instance() == null && call.call().name().equals("drop")
                    && call.call().arguments().isEmpty();
        }
        if (statement instanceof Statement.Block block) {
            return block.statements().stream().anyMatch(Compiler::alwaysDrops);
        }
        if (statement instanceof Statement.If conditional) {
            return conditional.otherwise() != null && alwaysDrops(conditional.then())
                    && alwaysDrops(conditional.otherwise());
        }
        return false;
    }

    private StatementNode assignment(Statement.Assignment assignment, SourceLocation location) {
        Expression.Field target = assignment.target();
        ExpressionNode value = expression(assignment.value());
        String aliasTarget = scope.aliasTarget(target.name());
        if (aliasTarget != null) {
            error(target.offset(), "$" + target.name() + " is a read-only alias of $" + aliasTarget
                    + " and cannot be assigned to");
        }
        FieldName name = FieldName.of(target.name());
        if (name.sameField(org.openmaces.core.record.CoreFields.RAW_EVENT)
                && (value.type() != ValueType.UNKNOWN && value.type() != ValueType.STRING
                || (value instanceof ConstantNode constant && constant.value() == null))) {
            error(assignment.value().offset(), "'raw_event' cannot be set to "
                    + (value instanceof ConstantNode constant && constant.value() == null ? "undef"
                    : "a value of type " + value.type().languageName()) + ": it must be a string");
        }
        lint.assigned(target.name());
        if (!scope.hasRecord()) {
            lint.noRecord(source, target.offset(), target.name());
        }
        return new AssignNode(location, name, value);
    }

    // ---- expressions ----

    private ExpressionNode expression(Expression expression) {
        SourceLocation location = location(expression.offset());
        if (expression instanceof Expression.Literal literal) {
            return new ConstantNode(location, literal.value(), literal.type());
        }
        if (expression instanceof Expression.Field field) {
            return field(field, location);
        }
        if (expression instanceof Expression.Capture capture) {
            return new CaptureNode(location, capture.group());
        }
        if (expression instanceof Expression.Unary unary) {
            return unary(unary, location);
        }
        if (expression instanceof Expression.Binary binary) {
            return binary(binary, location);
        }
        if (expression instanceof Expression.Match match) {
            return match(match, location);
        }
        if (expression instanceof Expression.Substitution substitution) {
            return substitution(substitution, location);
        }
        if (expression instanceof Expression.In in) {
            ExpressionNode subject = expression(in.subject());
            ExpressionNode[] candidates = in.candidates().stream().map(this::expression).toArray(ExpressionNode[]::new);
            return fold(new InNode(location, subject, candidates, in.negated()), in.offset(), subject, candidates);
        }
        return call((Expression.Call) expression, false);
    }

    private ExpressionNode field(Expression.Field field, SourceLocation location) {
        if (!scope.hasRecord()) {
            lint.noRecord(source, field.offset(), field.name());
        }
        String aliasTarget = scope.aliasTarget(field.name());
        if (aliasTarget != null) {
            return new FieldNode(location, FieldName.of(aliasTarget), field.name());
        }
        lint.read(source, field.offset(), field.name());
        return new FieldNode(location, FieldName.of(field.name()));
    }

    private ExpressionNode unary(Expression.Unary unary, SourceLocation location) {
        ExpressionNode operand = expression(unary.operand());
        if (unary.operator() == Expression.UnaryOperator.DEFINED) {
            return fold(new DefinedNode(location, operand), unary.offset(), operand);
        }
        ValueType type = operand.type();
        if (type != ValueType.UNKNOWN && type != ValueType.BOOLEAN) {
            error(unary.offset(), "boolean value required for 'not', got " + type.languageName());
            return new ConstantNode(location, null, ValueType.BOOLEAN);
        }
        return fold(new NotNode(location, operand), unary.offset(), operand);
    }

    private ExpressionNode binary(Expression.Binary binary, SourceLocation location) {
        ExpressionNode left = expression(binary.left());
        ExpressionNode right = expression(binary.right());
        ValueType leftType = left.type();
        ValueType rightType = right.type();
        String symbol = binary.operator().symbol();
        boolean valid;
        ExpressionNode node;
        switch (binary.operator()) {
            case EQUAL, NOT_EQUAL -> {
                valid = EqualNode.comparable(leftType, rightType);
                node = new EqualNode(location, left, right, binary.operator() == Expression.BinaryOperator.NOT_EQUAL);
            }
            case LESS, LESS_EQUAL, GREATER, GREATER_EQUAL -> {
                valid = CompareNode.comparable(leftType, rightType);
                CompareNode.Operator operator = switch (binary.operator()) {
                    case LESS -> CompareNode.Operator.LESS;
                    case LESS_EQUAL -> CompareNode.Operator.LESS_EQUAL;
                    case GREATER -> CompareNode.Operator.GREATER;
                    default -> CompareNode.Operator.GREATER_EQUAL;
                };
                node = new CompareNode(location, operator, left, right);
            }
            case ADD -> {
                valid = AddNode.resultType(leftType, rightType) != null;
                node = new AddNode(location, left, right, conversions);
            }
            case SUBTRACT -> {
                valid = SubtractNode.resultType(leftType, rightType) != null;
                node = new SubtractNode(location, left, right);
            }
            case MULTIPLY, DIVIDE, MODULO -> {
                valid = isOr(leftType, ValueType.INTEGER) && isOr(rightType, ValueType.INTEGER);
                ArithmeticNode.Operator operator = switch (binary.operator()) {
                    case MULTIPLY -> ArithmeticNode.Operator.MULTIPLY;
                    case DIVIDE -> ArithmeticNode.Operator.DIVIDE;
                    default -> ArithmeticNode.Operator.MODULO;
                };
                node = new ArithmeticNode(location, operator, left, right);
            }
            case AND -> {
                valid = isOr(leftType, ValueType.BOOLEAN) && isOr(rightType, ValueType.BOOLEAN);
                node = new AndNode(location, left, right);
            }
            default -> {
                valid = isOr(leftType, ValueType.BOOLEAN) && isOr(rightType, ValueType.BOOLEAN);
                node = new OrNode(location, left, right);
            }
        }
        if (!valid) {
            error(binary.offset(), "invalid types in operation: " + leftType.languageName() + " " + symbol + " "
                    + rightType.languageName());
            return new ConstantNode(location, null, ValueType.UNKNOWN);
        }
        return fold(node, binary.offset(), left, right);
    }

    private static boolean isOr(ValueType type, ValueType expected) {
        return type == ValueType.UNKNOWN || type == expected;
    }

    private ExpressionNode match(Expression.Match match, SourceLocation location) {
        ExpressionNode subject = expression(match.subject());
        if (subject.type() != ValueType.UNKNOWN && subject.type() != ValueType.STRING) {
            error(match.offset(), "invalid types in operation: " + subject.type().languageName()
                    + (match.negated() ? " !~ " : " =~ ") + "regexp (a string is required)"
                    + (match.subject() instanceof Expression.Unary ? "; note: 'not' binds tighter than '=~', use '!~'"
                    : ""));
        }
        RegexTranslator.Translation translation = regexp(match.regexp().pattern(), match.regexp().flags(),
                match.regexpOffset());
        if (translation.pattern() == null) {
            return new ConstantNode(location, null, ValueType.BOOLEAN);
        }
        FieldName[] named = null;
        if (translation.hasNamedGroups()) {
            named = new FieldName[translation.groupNames().length];
            for (int i = 1; i < named.length; i++) {
                if (translation.groupNames()[i] != null) {
                    named[i] = FieldName.of(translation.groupNames()[i]);
                    lint.assigned(translation.groupNames()[i]);
                }
            }
        }
        if (subject instanceof ConstantNode constant && constant.value() instanceof String text
                && !translation.pattern().matcher(text).find()) {
            warning(match.regexpOffset(), "this regular expression never matches its constant subject");
        }
        return new MatchNode(location, subject, translation.pattern(), matcherSlots++, match.negated(), named);
    }

    private ExpressionNode substitution(Expression.Substitution substitution, SourceLocation location) {
        RegexTranslator.Translation translation = regexp(substitution.substitution().pattern(),
                substitution.substitution().flags().replace("g", ""), substitution.regexpOffset());
        if (!(substitution.subject() instanceof Expression.Field field)) {
            return new ConstantNode(location, null, ValueType.BOOLEAN);
        }
        if (scope.aliasTarget(field.name()) != null) {
            error(field.offset(), "$" + field.name() + " is a read-only alias of $" + scope.aliasTarget(field.name())
                    + " and cannot be changed by a substitution");
        }
        lint.read(source, field.offset(), field.name());
        if (!scope.hasRecord()) {
            lint.noRecord(source, field.offset(), field.name());
        }
        if (substitution.negated()) {
            warning(substitution.offset(), "'!~' with s/// still substitutes; it only negates the result");
        }
        if (translation.pattern() == null) {
            return new ConstantNode(location, null, ValueType.BOOLEAN);
        }
        return new SubstitutionNode(location, FieldName.of(field.name()), translation.pattern(), matcherSlots++,
                substitution.substitution().replacement(), substitution.substitution().flags().indexOf('g') >= 0,
                substitution.negated());
    }

    private RegexTranslator.Translation regexp(String pattern, String flags, int offset) {
        RegexTranslator.Translation translation = RegexTranslator.translate(pattern, flags);
        if (translation.pattern() == null) {
            error(offset, "failed to compile regular expression '" + pattern + "', error at position "
                    + translation.errorIndex() + ": " + translation.error());
        } else if (translation.neverMatches() != null) {
            warning(offset, "regular expression /" + pattern + "/ can never match: " + translation.neverMatches());
        }
        return translation;
    }

    // ---- calls ----

    private ExpressionNode call(Expression.Call call, boolean procedure) {
        SourceLocation location = location(call.offset());
        ExpressionNode[] arguments = call.arguments().stream().map(this::expression).toArray(ExpressionNode[]::new);
        ValueType[] types = new ValueType[arguments.length];
        for (int i = 0; i < arguments.length; i++) {
            types[i] = arguments[i].type();
        }
        String kind = procedure ? "procedure" : "function";
        String display = (call.instance() == null ? "" : call.instance() + "->") + call.name() + "()";
        List<Candidate> candidates = new ArrayList<>();
        boolean otherKindExists = false;
        if (call.instance() == null) {
            for (org.openmaces.core.language.compiler.Builtin builtin : CoreLibrary.overloads(call.name())) {
                if (builtin.procedure() == procedure) {
                    candidates.add(Candidate.of(builtin));
                } else {
                    otherKindExists = true;
                }
            }
            FunctionTable table = scope.functions();
            if (table != null) {
                for (FunctionDefinition function : table.functions(call.name(), scope.instanceName())) {
                    if (function.visibility() == Visibility.PUBLIC) {
                        continue;
                    }
                    if (procedure) {
                        otherKindExists = true;
                    } else {
                        candidates.add(Candidate.of(function));
                    }
                }
                for (ProcedureDefinition definition : table.procedures(call.name(), scope.instanceName())) {
                    if (definition.visibility() == Visibility.PUBLIC) {
                        continue;
                    }
                    if (procedure) {
                        candidates.add(Candidate.of(definition));
                    } else {
                        otherKindExists = true;
                    }
                }
            }
        } else {
            FunctionTable table = scope.functions();
            if (table == null || !table.hasInstance(call.instance())) {
                error(call.offset(), "module " + call.instance() + " not found (in " + display + ")");
                return new ConstantNode(location, null, ValueType.UNKNOWN);
            }
            List<FunctionDefinition> functions = table.instanceFunctions(call.instance(), call.name(),
                    scope.instanceName());
            List<ProcedureDefinition> procedures = table.instanceProcedures(call.instance(), call.name(),
                    scope.instanceName());
            if (procedure) {
                procedures.forEach(definition -> candidates.add(Candidate.of(definition)));
                otherKindExists = functions != null && !functions.isEmpty();
            } else {
                functions.forEach(definition -> candidates.add(Candidate.of(definition)));
                otherKindExists = procedures != null && !procedures.isEmpty();
            }
            if (candidates.isEmpty() && !otherKindExists && !call.instance().equals(scope.instanceName())) {
                boolean privateExists = procedure
                        ? !table.instanceProcedures(call.instance(), call.name(), call.instance()).isEmpty()
                        : !table.instanceFunctions(call.instance(), call.name(), call.instance()).isEmpty();
                if (privateExists) {
                    error(call.offset(), "private " + kind + " " + display + " can only be called from the Exec of "
                            + call.instance() + ", not from " + scope.instanceName());
                    return new ConstantNode(location, null, ValueType.UNKNOWN);
                }
            }
        }
        if (candidates.isEmpty()) {
            if (otherKindExists) {
                error(call.offset(), kind + " '" + display + "' does not exist: " + call.name() + "() is a "
                        + (procedure ? "function; use its value, e.g. $x = " + call.name() + "(...);"
                        : "procedure and has no value; call it as a statement"));
            } else {
                error(call.offset(), kind + " '" + display + "' does not exist");
            }
            return new ConstantNode(location, null, ValueType.UNKNOWN);
        }
        List<Candidate> matching = new ArrayList<>();
        for (Candidate candidate : candidates) {
            if (candidate.accepts(types)) {
                matching.add(candidate);
            }
        }
        if (matching.isEmpty()) {
            StringBuilder given = new StringBuilder();
            for (int i = 0; i < types.length; i++) {
                given.append(i == 0 ? "" : ", ").append(types[i].languageName());
            }
            StringBuilder expected = new StringBuilder();
            for (Candidate candidate : candidates) {
                expected.append(expected.length() == 0 ? "" : " or ").append(call.name()).append(candidate.signature());
            }
            error(call.offset(), kind + " '" + display + "' does not exist or takes different arguments: called with ("
                    + given + "), declared as " + expected);
            return new ConstantNode(location, null, ValueType.UNKNOWN);
        }
        callOffset = call.offset();
        Candidate chosen = matching.get(0);
        boolean ownInstance = call.instance() == null ? chosen.visibility == Visibility.PRIVATE
                : scope.instanceName().equals(call.instance());
        if (chosen.builtin == null && !ownInstance) {
            // An extension's procedure (parse_json(), parse_syslog()) may set any field: unknown-field lint
            // would only produce false alarms.
            lint.fieldsMaySetElsewhere();
        }
        ValueType[] checks = chosen.checks(types);
        if (chosen.builtin != null) {
            ExpressionNode node = chosen.builtin.factory().create(this, location, arguments, checks);
            return node instanceof CallNode callNode && callNode.isConstant() ? fold(callNode, call.offset()) : node;
        }
        List<Candidate> moduleMatches = matching.stream().filter(candidate -> candidate.builtin == null).toList();
        boolean ambiguous = moduleMatches.size() > 1 && java.util.Arrays.asList(types).contains(ValueType.UNKNOWN);
        if (ambiguous) {
            return new DispatchNode(location, call.name(), arguments,
                    moduleMatches.stream().map(candidate -> candidate.parameters).toArray(ValueType[][]::new),
                    toBooleans(moduleMatches), moduleMatches.stream().map(candidate -> candidate.invoker)
                    .toArray(Invokers.InvokerN[]::new), chosen.returnType);
        }
        return new CallNode.CallN(location, call.name(), arguments, checks, chosen.returnType, false, chosen.invoker);
    }

    private static boolean[] toBooleans(List<Candidate> candidates) {
        boolean[] varargs = new boolean[candidates.size()];
        for (int i = 0; i < varargs.length; i++) {
            varargs[i] = candidates.get(i).varargs;
        }
        return varargs;
    }

    /** One overload: a core builtin or a module's definition, with its signature. */
    private static final class Candidate {
        final org.openmaces.core.language.compiler.Builtin builtin;
        final ValueType[] parameters;
        final boolean varargs;
        final ValueType returnType;
        final Invokers.InvokerN invoker;
        final Visibility visibility;

        private Candidate(org.openmaces.core.language.compiler.Builtin builtin, List<ValueType> parameters,
                          boolean varargs, ValueType returnType, Invokers.InvokerN invoker, Visibility visibility) {
            this.builtin = builtin;
            this.visibility = visibility;
            this.parameters = parameters.toArray(new ValueType[0]);
            this.varargs = varargs;
            this.returnType = returnType;
            this.invoker = invoker;
        }

        static Candidate of(org.openmaces.core.language.compiler.Builtin builtin) {
            return new Candidate(builtin, builtin.parameters(), builtin.varargs(), builtin.returnType(), null,
                    Visibility.GLOBAL);
        }

        static Candidate of(FunctionDefinition function) {
            return new Candidate(null, function.parameterTypes(), function.varargs(), function.returnType(),
                    (context, values) -> function.body().call(context, values), function.visibility());
        }

        static Candidate of(ProcedureDefinition procedure) {
            return new Candidate(null, procedure.parameterTypes(), procedure.varargs(), ValueType.UNKNOWN,
                    (context, values) -> {
                        procedure.body().call(context, values);
                        return null;
                    }, procedure.visibility());
        }

        ValueType declared(int index) {
            return index < parameters.length ? parameters[index] : parameters[parameters.length - 1];
        }

        boolean accepts(ValueType[] types) {
            // A varargs parameter is required once and repeats (FunctionDefinition's contract).
            if (types.length < parameters.length || (!varargs && types.length > parameters.length)) {
                return false;
            }
            for (int i = 0; i < types.length; i++) {
                ValueType declared = declared(i);
                if (declared != ValueType.UNKNOWN && types[i] != ValueType.UNKNOWN && declared != types[i]) {
                    return false;
                }
            }
            return true;
        }

        ValueType[] checks(ValueType[] types) {
            ValueType[] checks = new ValueType[types.length];
            for (int i = 0; i < types.length; i++) {
                ValueType declared = declared(i);
                checks[i] = declared != ValueType.UNKNOWN && types[i] == ValueType.UNKNOWN ? declared : null;
            }
            return checks;
        }

        String signature() {
            StringBuilder text = new StringBuilder("(");
            for (int i = 0; i < parameters.length; i++) {
                text.append(i == 0 ? "" : ", ").append(parameters[i].languageName());
            }
            return text.append(varargs ? ", ...)" : ")").toString();
        }
    }

    // ---- constant folding ----

    /** Evaluates {@code node} now when all its operands are constants. */
    private ExpressionNode fold(ExpressionNode node, int offset, ExpressionNode... operands) {
        for (ExpressionNode operand : operands) {
            if (!(operand instanceof ConstantNode)) {
                return node;
            }
        }
        return evaluateNow(node, offset);
    }

    private ExpressionNode fold(ExpressionNode node, int offset, ExpressionNode subject, ExpressionNode[] more) {
        ExpressionNode[] operands = new ExpressionNode[more.length + 1];
        operands[0] = subject;
        System.arraycopy(more, 0, operands, 1, more.length);
        return fold(node, offset, operands);
    }

    private ExpressionNode evaluateNow(ExpressionNode node, int offset) {
        if (foldingContext == null) {
            foldingContext = new ExecutionContext(new FoldingEnvironment(scope.instanceName(), scope.moduleName(),
                    settings));
        }
        try {
            Object value = node.evaluate(foldingContext);
            return new ConstantNode(node.location(), value, value == null ? node.type() : ValueType.of(value));
        } catch (RuntimeError failure) {
            error(offset, failure.getMessage());
        } catch (ExecutionException failure) {
            error(offset, failure.getMessage());
        }
        return new ConstantNode(node.location(), null, ValueType.UNKNOWN);
    }

    // ---- BuildContext and reporting ----

    @Override
    public Conversions conversions() {
        return conversions;
    }

    @Override
    public CompilationScope scope() {
        return scope;
    }

    @Override
    public void error(String message) {
        error(callOffset, message);
    }

    @Override
    public void warning(String message) {
        warning(callOffset, message);
    }

    @Override
    public int newMatcherSlot() {
        return matcherSlots++;
    }

    private SourceLocation location(int offset) {
        return SourceLocation.of(source, offset);
    }

    private void error(int offset, String message) {
        diagnostics.error(source, offset, message);
    }

    private void warning(int offset, String message) {
        diagnostics.warning(source, offset, message);
    }

    static String lower(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
