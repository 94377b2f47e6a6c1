package org.openmaces.core.config;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.openmaces.core.language.Diagnostics;
import org.openmaces.core.module.ModuleKind;

/**
 * Turns the pre-processor's logical lines into a {@link ConfigDocument}: global directives, module blocks
 * with their Exec code and Schedules, and routes (config spec §1.3). Checks structure only (tags, nesting,
 * names); what a directive means is checked by the loader. Every problem is reported and parsing goes on,
 * so one run shows all of a file's errors.
 */
final class ConfigParser {
    private static final Pattern INSTANCE_NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9._]*");
    private static final Pattern ROUTE_NAME = Pattern.compile("[a-zA-Z0-9_][a-zA-Z0-9._]*");
    private static final int MAX_NESTING = 10;

    private final ConfigReader reader;
    private final Diagnostics diagnostics;
    private final Deque<OpenBlock> open = new ArrayDeque<>();
    private ConfigDocument document;

    ConfigParser(ConfigReader reader, Diagnostics diagnostics) {
        this.reader = reader;
        this.diagnostics = diagnostics;
        reader.setFileEndListener(this::fileEnded);
    }

    ConfigDocument parse(Path mainFile) {
        document = new ConfigDocument(mainFile);
        LogicalLine line;
        while ((line = reader.next()) != null) {
            String text = line.text();
            if (text.startsWith("</")) {
                closeTag(line);
            } else if (text.startsWith("<")) {
                openTag(line);
            } else {
                directive(line);
            }
        }
        document.files().addAll(reader.filesRead());
        if (document.globals().isEmpty() && document.modules().isEmpty() && document.routes().isEmpty()
                && !diagnostics.hasErrors()) {
            diagnostics.error(mainFile, 0, "Empty configuration: the file defines no modules or directives");
        }
        return document;
    }

    private void openTag(LogicalLine line) {
        String text = line.text();
        if (!text.endsWith(">")) {
            error(line, "<" + tagWord(text.substring(1)) + " directive missing closing '>'");
            return;
        }
        String inside = text.substring(1, text.length() - 1).trim();
        int space = ConfigReader.firstWhitespace(inside);
        String tag = space < 0 ? inside : inside.substring(0, space);
        String name = space < 0 ? "" : inside.substring(space).trim();
        if (open.size() >= MAX_NESTING) {
            error(line, "config file tag nesting is too large (more than " + MAX_NESTING + " levels)");
            return;
        }
        OpenBlock parent = open.peek();
        if (tag.equalsIgnoreCase("Exec")) {
            if (parent == null || parent.kind == BlockKind.ROUTE) {
                error(line, "<Exec> is allowed only inside a module block or a <Schedule> block");
            }
            readExecBlock(line, parent);
            return;
        }
        if (tag.equalsIgnoreCase("Schedule")) {
            if (parent == null || parent.kind != BlockKind.MODULE) {
                error(line, "<Schedule> is allowed only inside an Extension, Input, Processor or Output block");
                return;
            }
            if (!name.isEmpty()) {
                error(line, "<Schedule> takes no name; write <Schedule>");
            }
            ConfigBlock schedule = new ConfigBlock("Schedule", "", line.location());
            parent.block.schedules().add(schedule);
            push(schedule, BlockKind.SCHEDULE);
            return;
        }
        if (parent != null) {
            error(line, "<" + tag + "> cannot be nested inside <" + parent.block.tag() + ">; close <"
                    + parent.block.tag() + "> first");
            return;
        }
        if (tag.equalsIgnoreCase("Route")) {
            if (!name.isEmpty() && !ROUTE_NAME.matcher(name).matches()) {
                error(line, "invalid route name '" + name + "': use letters, digits, '_' and '.'");
            }
            ConfigBlock route = new ConfigBlock("Route", name, line.location());
            document.routes().add(route);
            push(route, BlockKind.ROUTE);
            return;
        }
        ModuleKind kind = ModuleKind.forBlockName(tag);
        if (kind == null) {
            error(line, "Invalid keyword: <" + tag + ">; blocks are Extension, Input, Processor, Output and Route"
                    + Suggestions.didYouMean(tag, List.of("Extension", "Input", "Processor", "Output", "Route")));
            // Parse the block anyway so its closing tag and contents do not cascade into more errors.
            push(new ConfigBlock(tag, name, line.location()), BlockKind.UNKNOWN);
            return;
        }
        if (name.isEmpty()) {
            error(line, "Module instance name missing: write <" + kind.blockName() + " name>");
        } else if (!INSTANCE_NAME.matcher(name).matches()) {
            error(line, "invalid instance name '" + name
                    + "': start with a letter or '_', then letters, digits, '_' or '.'");
        }
        ConfigBlock block = new ConfigBlock(kind.blockName(), name, line.location());
        document.modules().add(block);
        push(block, BlockKind.MODULE);
    }

    private void readExecBlock(LogicalLine opening, OpenBlock parent) {
        List<LogicalLine> body = new ArrayList<>();
        reader.setRawMode(true);
        int level = reader.includeLevel();
        try {
            LogicalLine line;
            while ((line = reader.next()) != null) {
                if (line.text().trim().equalsIgnoreCase("</Exec>")) {
                    if (reader.includeLevel() != level) {
                        error(line, "</Exec> closes an <Exec> block opened in another file (" + opening.location() + ")");
                    }
                    if (parent != null && !body.isEmpty()) {
                        parent.block.execSources().add(LogicalLine.joinAsSource(opening.file(), body));
                    }
                    return;
                }
                body.add(line);
            }
            error(opening, "unterminated <Exec> block: add </Exec>");
        } finally {
            reader.setRawMode(false);
        }
    }

    private void closeTag(LogicalLine line) {
        String text = line.text();
        if (!text.endsWith(">")) {
            error(line, "</" + tagWord(text.substring(2)) + " directive missing closing '>'");
            return;
        }
        String tag = text.substring(2, text.length() - 1).trim();
        OpenBlock innermost = open.peek();
        if (innermost == null) {
            error(line, "</" + tag + "> without matching <" + tag + "> section");
            return;
        }
        if (!innermost.block.tag().equalsIgnoreCase(tag)) {
            boolean opened = open.stream().anyMatch(block -> block.block.tag().equalsIgnoreCase(tag));
            if (!opened) {
                error(line, "</" + tag + "> without matching <" + tag + "> section");
                return;
            }
            error(line, "Expected </" + innermost.block.tag() + "> but saw </" + tag + "> (the <"
                    + innermost.block.tag() + "> block opened at " + innermost.block.location() + " is not closed)");
            while (!open.peek().block.tag().equalsIgnoreCase(tag)) {
                open.pop();
            }
            innermost = open.peek();
        }
        if (reader.includeLevel() != innermost.includeLevel) {
            error(line, "</" + tag + "> closes a block opened in another file (" + innermost.block.location()
                    + "); an included file must close the blocks it opens");
        }
        open.pop();
        finishBlock(innermost);
    }

    private void finishBlock(OpenBlock closed) {
        ConfigBlock block = closed.block;
        if (closed.kind == BlockKind.MODULE && block.isEmpty()) {
            diagnostics.error(block.location().file(), block.location().line(),
                    "empty '" + block.tag() + "' block: it needs at least a Module directive");
        } else if (closed.kind == BlockKind.SCHEDULE && block.isEmpty()) {
            diagnostics.error(block.location().file(), block.location().line(),
                    "empty Schedule block: give it When or Every, and Exec");
        }
    }

    private void directive(LogicalLine line) {
        String text = line.text();
        int space = ConfigReader.firstWhitespace(text);
        String name = space < 0 ? text : text.substring(0, space);
        int valueOffset = space < 0 ? text.length() : space;
        while (valueOffset < text.length() && Character.isWhitespace(text.charAt(valueOffset))) {
            valueOffset++;
        }
        String value = text.substring(valueOffset);
        ConfigDirective directive = new ConfigDirective(name, value, line, valueOffset);
        OpenBlock current = open.peek();
        if (current == null) {
            document.globals().add(directive);
        } else if (directive.is("Exec") && current.kind != BlockKind.ROUTE) {
            if (value.isEmpty()) {
                error(line, "Exec needs statements, e.g. Exec drop();");
            } else {
                current.block.execSources().add(directive.valueSource());
            }
        } else {
            current.block.directives().add(directive);
        }
    }

    private void fileEnded(Path file, int endedLevel) {
        boolean reported = false;
        while (!open.isEmpty() && open.peek().includeLevel >= endedLevel) {
            OpenBlock unclosed = open.pop();
            if (!reported) {
                String where = endedLevel == 0 ? "" : " before the end of the included file " + file;
                diagnostics.error(unclosed.block.location().file(), unclosed.block.location().line(),
                        "unterminated <" + unclosed.block.tag() + "> block" + where + ": add </" + unclosed.block.tag() + ">");
                reported = true;
            }
        }
    }

    private void push(ConfigBlock block, BlockKind kind) {
        open.push(new OpenBlock(block, kind, reader.includeLevel()));
    }

    private void error(LogicalLine line, String message) {
        diagnostics.error(line.file(), line.firstLine(), message);
    }

    private static String tagWord(String text) {
        int end = 0;
        while (end < text.length() && !Character.isWhitespace(text.charAt(end)) && text.charAt(end) != '>') {
            end++;
        }
        return text.substring(0, end).toLowerCase(Locale.ROOT).isEmpty() ? text : text.substring(0, end);
    }

    private enum BlockKind { MODULE, ROUTE, SCHEDULE, UNKNOWN }

    private record OpenBlock(ConfigBlock block, BlockKind kind, int includeLevel) {
    }
}
