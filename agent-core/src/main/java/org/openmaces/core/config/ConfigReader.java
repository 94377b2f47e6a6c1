package org.openmaces.core.config;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.openmaces.core.language.Diagnostics;

/**
 * The config pre-processor (config spec §1.1 and §2): reads physical lines, joins continuations, trims,
 * substitutes {@code %DEFINE%}s, skips blanks and comments, and handles {@code define}, {@code envvar},
 * {@code include} and {@code include_stdout} itself, so {@link #next()} yields only lines the parser must
 * understand. Problems go to the diagnostics with {@code FILE:LINE}; reading goes on after them.
 *
 * <p>In raw mode (the body of an {@code <Exec>} block) lines are not trimmed and comment or pre-processor
 * words are not interpreted: the language sees them as written, with defines substituted.
 */
final class ConfigReader {
    /** Longest logical line accepted (CE stops at 8 KiB; the spec asks for at least 64 KiB). */
    static final int MAX_LOGICAL_LINE = 1 << 20;
    private static final int MAX_INCLUDE_DEPTH = 32;
    private static final Pattern DEFINE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]*");

    private final Diagnostics diagnostics;
    private final Path workingDirectory;
    private final InputStream standardInput;
    private final Map<String, String> environment;
    private final ConfigFileSafety safety;
    private final Deque<OpenFile> files = new ArrayDeque<>();
    /** Insertion order = age; substitution tries the newest first. */
    private final LinkedHashMap<String, String> defines = new LinkedHashMap<>();
    private final List<Path> filesRead = new ArrayList<>();
    private FileEndListener fileEndListener = (file, level) -> { };
    private boolean rawMode;

    /** Told when an included file ends, so the parser can check that its blocks were closed in it. */
    interface FileEndListener {
        void fileEnded(Path file, int includeLevel);
    }

    ConfigReader(Diagnostics diagnostics, Path workingDirectory, InputStream standardInput,
                 Map<String, String> environment, ConfigFileSafety safety) {
        this.diagnostics = diagnostics;
        this.workingDirectory = workingDirectory;
        this.standardInput = standardInput;
        this.environment = environment;
        this.safety = safety;
    }

    void setFileEndListener(FileEndListener listener) {
        fileEndListener = listener;
    }

    /** Opens the main config file; false (with a diagnostic) when it cannot be read. */
    boolean open(Path file) {
        return push(file, null);
    }

    /** Reads configuration text that did not come from a file (tests, {@code -c -}). */
    void openText(Path name, String text) {
        files.push(new OpenFile(name, splitLines(text), 0));
    }

    void setRawMode(boolean raw) {
        rawMode = raw;
    }

    /** Every file read so far (the main file and its includes), for reload checks and messages. */
    List<Path> filesRead() {
        return filesRead;
    }

    /** The include nesting of the line last returned: 0 for the main file. */
    int includeLevel() {
        return files.size() - 1;
    }

    /** The next logical line for the parser, or null at the end of the main file. */
    LogicalLine next() {
        while (!files.isEmpty()) {
            OpenFile current = files.peek();
            LogicalLine line = readLogicalLine(current);
            if (line == null) {
                files.pop();
                fileEndListener.fileEnded(current.path, files.size());
                continue;
            }
            line = substituteDefines(line);
            if (line.text().length() > MAX_LOGICAL_LINE) {
                diagnostics.error(current.path, line.firstLine(), "config line is over the limit of "
                        + MAX_LOGICAL_LINE + " bytes after define substitution; split it");
                continue;
            }
            if (rawMode) {
                return line;
            }
            line = line.trim();
            String text = line.text();
            if (text.isEmpty() || text.charAt(0) == '#') {
                continue;
            }
            if (!handlePreprocessorDirective(line)) {
                return line;
            }
        }
        return null;
    }

    private LogicalLine readLogicalLine(OpenFile file) {
        if (file.cursor >= file.lines.size()) {
            return null;
        }
        StringBuilder text = new StringBuilder();
        List<int[]> segments = new ArrayList<>();
        while (file.cursor < file.lines.size()) {
            int lineNumber = file.cursor + 1;
            String physical = file.lines.get(file.cursor++);
            segments.add(new int[] {text.length(), lineNumber});
            boolean continues = physical.endsWith("\\") && !physical.endsWith("\\\\");
            if (continues) {
                text.append(physical, 0, physical.length() - 1);
            } else if (physical.endsWith("\\\\") && !rawMode) {
                text.append(physical, 0, physical.length() - 1);
            } else {
                text.append(physical);
            }
            if (text.length() > MAX_LOGICAL_LINE) {
                diagnostics.error(file.path, segments.get(0)[1], "config line is over the limit of "
                        + MAX_LOGICAL_LINE + " bytes");
                skipContinuation(file, continues);
                return new LogicalLine(file.path, "", new int[] {0}, new int[] {segments.get(0)[1]}, new int[] {1});
            }
            if (!continues) {
                break;
            }
        }
        int[] starts = new int[segments.size()];
        int[] lines = new int[segments.size()];
        int[] columns = new int[segments.size()];
        for (int i = 0; i < segments.size(); i++) {
            starts[i] = segments.get(i)[0];
            lines[i] = segments.get(i)[1];
            columns[i] = 1;
        }
        return new LogicalLine(file.path, text.toString(), starts, lines, columns);
    }

    private static void skipContinuation(OpenFile file, boolean continues) {
        boolean more = continues;
        while (more && file.cursor < file.lines.size()) {
            String physical = file.lines.get(file.cursor++);
            more = physical.endsWith("\\") && !physical.endsWith("\\\\");
        }
    }

    /** Replaces each {@code %NAME%} of a known define, newest define first, each define once (CE order). */
    private LogicalLine substituteDefines(LogicalLine line) {
        if (defines.isEmpty() || line.text().indexOf('%') < 0) {
            return line;
        }
        List<Map.Entry<String, String>> newestFirst = new ArrayList<>(defines.entrySet());
        LogicalLine result = line;
        for (int i = newestFirst.size() - 1; i >= 0; i--) {
            String token = "%" + newestFirst.get(i).getKey() + "%";
            String value = newestFirst.get(i).getValue();
            int from = 0;
            int at;
            while ((at = result.text().indexOf(token, from)) >= 0) {
                result = result.replace(at, at + token.length(), value);
                from = at + value.length();
                if (result.text().length() > MAX_LOGICAL_LINE) {
                    return result;
                }
            }
        }
        return result;
    }

    /** Handles define/envvar/include/include_stdout; returns false when the line is for the parser. */
    private boolean handlePreprocessorDirective(LogicalLine line) {
        String text = line.text();
        int space = firstWhitespace(text);
        String keyword = (space < 0 ? text : text.substring(0, space)).toLowerCase(Locale.ROOT);
        String argument = space < 0 ? "" : text.substring(space).trim();
        switch (keyword) {
            case "define" -> define(line, argument);
            case "envvar" -> environmentVariable(line, argument);
            case "include" -> include(line, argument);
            case "include_stdout" -> includeStandardOutput(line, argument);
            default -> {
                return false;
            }
        }
        return true;
    }

    private void define(LogicalLine line, String argument) {
        int space = firstWhitespace(argument);
        String name = space < 0 ? argument : argument.substring(0, space);
        String value = space < 0 ? "" : argument.substring(space).trim();
        if (name.isEmpty()) {
            diagnostics.error(line.file(), line.firstLine(), "'define' needs a name and a value: define NAME VALUE");
            return;
        }
        if (!DEFINE_NAME.matcher(name).matches()) {
            diagnostics.error(line.file(), line.firstLine(), "invalid define name '" + name
                    + "': use letters, digits, '_', '.' or '-', starting with a letter or '_'");
            return;
        }
        defines.remove(name);
        defines.put(name, value);
    }

    private void environmentVariable(LogicalLine line, String name) {
        if (name.isEmpty() || firstWhitespace(name) >= 0) {
            diagnostics.error(line.file(), line.firstLine(), "'envvar' takes one environment variable name: envvar NAME");
            return;
        }
        String value = environment.get(name);
        if (value == null) {
            diagnostics.error(line.file(), line.firstLine(), "environment variable '" + name
                    + "' named by 'envvar' is not set; set it in the service's environment"
                    + " (launchd EnvironmentVariables, systemd Environment=) or use 'define'");
            return;
        }
        defines.remove(name);
        defines.put(name, value);
    }

    private void include(LogicalLine line, String argument) {
        String pathText = ValueConversion.unquote(argument);
        if (pathText.isEmpty()) {
            diagnostics.error(line.file(), line.firstLine(), "'include' needs a file name or pattern");
            return;
        }
        if (pathText.equals("-")) {
            try {
                String text = new String(standardInput.readAllBytes(), StandardCharsets.UTF_8);
                pushText(Path.of("<stdin>"), text, line);
            } catch (IOException e) {
                diagnostics.error(line.file(), line.firstLine(), "cannot read the configuration from standard input: "
                        + e.getMessage());
            }
            return;
        }
        Path path;
        try {
            DirectiveValues.checkPath(pathText);
            path = workingDirectory.resolve(pathText);
        } catch (IllegalArgumentException e) {
            diagnostics.error(line.file(), line.firstLine(), "invalid 'include' directive: " + e.getMessage());
            return;
        }
        String lastComponent = path.getFileName() == null ? "" : path.getFileName().toString();
        if (!Wildcard.hasWildcard(lastComponent)) {
            if (Wildcard.hasWildcard(path.getParent() == null ? "" : path.getParent().toString())) {
                diagnostics.error(line.file(), line.firstLine(), "invalid 'include' directive: wildcards are allowed"
                        + " only in the file name, not in the directory part of '" + pathText + "'");
                return;
            }
            push(path, line);
            return;
        }
        Path directory = path.getParent();
        if (directory == null || !Files.isDirectory(directory)) {
            diagnostics.error(line.file(), line.firstLine(), "couldn't open directory '" + directory
                    + "' specified in the 'include' directive");
            return;
        }
        Pattern pattern = Wildcard.toRegex(lastComponent);
        List<Path> matches;
        try (Stream<Path> entries = Files.list(directory)) {
            matches = entries
                    .filter(entry -> pattern.matcher(entry.getFileName().toString()).matches())
                    .filter(Files::isRegularFile)
                    .sorted()
                    .toList();
        } catch (IOException e) {
            diagnostics.error(line.file(), line.firstLine(), "couldn't open directory '" + directory
                    + "' specified in the 'include' directive: " + e.getMessage());
            return;
        }
        // Push in reverse so the files are read in lexicographic order.
        for (int i = matches.size() - 1; i >= 0; i--) {
            push(matches.get(i), line);
        }
    }

    private void includeStandardOutput(LogicalLine line, String argument) {
        String command = ValueConversion.unquote(argument);
        if (command.isEmpty()) {
            diagnostics.error(line.file(), line.firstLine(), "'include_stdout' needs a command");
            return;
        }
        List<String> commandLine = argument.equals(command) ? List.of(command.split("\\s+")) : List.of(command);
        Path executable;
        try {
            DirectiveValues.checkPath(commandLine.get(0));
            executable = workingDirectory.resolve(commandLine.get(0));
        } catch (IllegalArgumentException e) {
            diagnostics.error(line.file(), line.firstLine(), "invalid 'include_stdout' directive: " + e.getMessage());
            return;
        }
        String unsafe = Files.exists(executable) ? safety.problem(executable) : null;
        if (unsafe != null) {
            diagnostics.error(line.file(), line.firstLine(), "'include_stdout' " + unsafe);
            return;
        }
        List<String> resolved = new ArrayList<>(commandLine);
        resolved.set(0, executable.toString());
        try {
            Process process = new ProcessBuilder(resolved)
                    .directory(workingDirectory.toFile())
                    .redirectErrorStream(false)
                    .start();
            process.getOutputStream().close();
            byte[] output = process.getInputStream().readAllBytes();
            String errors = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                diagnostics.error(line.file(), line.firstLine(), "'include_stdout' command " + executable
                        + " did not finish within 60 s");
                return;
            }
            if (process.exitValue() != 0) {
                diagnostics.error(line.file(), line.firstLine(), "'include_stdout' command " + executable
                        + " exited with status " + process.exitValue() + (errors.isEmpty() ? "" : ": " + errors));
                return;
            }
            pushText(Path.of(executable + " (output)"), decode(output, executable, line), line);
        } catch (IOException e) {
            diagnostics.error(line.file(), line.firstLine(), "'include_stdout' cannot run " + executable + ": "
                    + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private boolean push(Path path, LogicalLine includedFrom) {
        Path file = path.toAbsolutePath().normalize();
        Path identity;
        try {
            identity = file.toRealPath();
        } catch (IOException e) {
            report(includedFrom, file, includedFrom == null
                    ? "cannot read the configuration file " + file + ": " + describe(e)
                    : "invalid 'include' directive: failed to open config file " + file + ": " + describe(e));
            return false;
        }
        for (OpenFile open : files) {
            if (open.identity != null && open.identity.equals(identity)) {
                StringBuilder chain = new StringBuilder();
                List<OpenFile> stack = new ArrayList<>(files);
                for (int i = stack.size() - 1; i >= 0; i--) {
                    chain.append(stack.get(i).path).append(" -> ");
                }
                chain.append(file);
                report(includedFrom, file, "include cycle: " + chain);
                return false;
            }
        }
        if (files.size() >= MAX_INCLUDE_DEPTH) {
            report(includedFrom, file, "includes are nested more than " + MAX_INCLUDE_DEPTH + " deep");
            return false;
        }
        String unsafe = safety.problem(file);
        if (unsafe != null) {
            report(includedFrom, file, unsafe);
            return false;
        }
        if (Files.isDirectory(file)) {
            report(includedFrom, file, "invalid 'include' directive: " + file
                    + " is a directory; include " + file.resolve("*.conf") + " to read the files in it");
            return false;
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            report(includedFrom, file, includedFrom == null
                    ? "cannot read the configuration file " + file + ": " + describe(e)
                    : "invalid 'include' directive: failed to open config file " + file + ": " + describe(e));
            return false;
        }
        filesRead.add(file);
        OpenFile opened = new OpenFile(file, splitLines(decode(bytes, file, includedFrom)), 0);
        opened.identity = identity;
        files.push(opened);
        return true;
    }

    private void pushText(Path name, String text, LogicalLine includedFrom) {
        if (files.size() >= MAX_INCLUDE_DEPTH) {
            report(includedFrom, name, "includes are nested more than " + MAX_INCLUDE_DEPTH + " deep");
            return;
        }
        files.push(new OpenFile(name, splitLines(text), 0));
    }

    private String decode(byte[] bytes, Path file, LogicalLine includedFrom) {
        int start = 0;
        if (bytes.length >= 3 && (bytes[0] & 0xff) == 0xef && (bytes[1] & 0xff) == 0xbb && (bytes[2] & 0xff) == 0xbf) {
            diagnostics.warning(file, 1, "the file starts with a UTF-8 byte order mark, which NXLog does not allow;"
                    + " it was ignored here, but save the file without it");
            start = 3;
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes, start, bytes.length - start))
                    .toString();
        } catch (CharacterCodingException e) {
            report(includedFrom, file, "the file is not valid UTF-8; invalid bytes were replaced with U+FFFD");
            return new String(bytes, start, bytes.length - start, StandardCharsets.UTF_8);
        }
    }

    private void report(LogicalLine at, Path file, String message) {
        if (at != null) {
            diagnostics.error(at.file(), at.firstLine(), message);
        } else {
            diagnostics.error(file, 0, message);
        }
    }

    private static String describe(IOException e) {
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private static List<String> splitLines(String text) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                int end = i > start && text.charAt(i - 1) == '\r' ? i - 1 : i;
                lines.add(text.substring(start, end));
                start = i + 1;
            }
        }
        if (start < text.length()) {
            String last = text.substring(start);
            lines.add(last.endsWith("\r") ? last.substring(0, last.length() - 1) : last);
        }
        return lines;
    }

    static int firstWhitespace(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (Character.isWhitespace(text.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    private static final class OpenFile {
        final Path path;
        final List<String> lines;
        int cursor;
        Path identity;

        OpenFile(Path path, List<String> lines, int cursor) {
            this.path = path;
            this.lines = lines;
            this.cursor = cursor;
        }
    }
}
