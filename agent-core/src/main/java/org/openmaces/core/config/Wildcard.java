package org.openmaces.core.config;

import java.util.regex.Pattern;

/** fnmatch-style patterns ({@code *}, {@code ?}, {@code [...]}, {@code [!...]}) for include file names. */
final class Wildcard {
    private Wildcard() {
    }

    static boolean hasWildcard(String text) {
        return text.indexOf('*') >= 0 || text.indexOf('?') >= 0 || text.indexOf('[') >= 0;
    }

    /** The regex equivalent of an fnmatch pattern for one path component. */
    static Pattern toRegex(String pattern) {
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            switch (c) {
                case '*' -> regex.append("[^/]*");
                case '?' -> regex.append("[^/]");
                case '[' -> {
                    int close = pattern.indexOf(']', i + 2);
                    if (close < 0) {
                        regex.append("\\[");
                        break;
                    }
                    String body = pattern.substring(i + 1, close);
                    regex.append('[');
                    if (body.startsWith("!") || body.startsWith("^")) {
                        regex.append('^');
                        body = body.substring(1);
                    }
                    for (char member : body.toCharArray()) {
                        if (member == '-') {
                            regex.append('-');
                        } else if (Character.isLetterOrDigit(member)) {
                            regex.append(member);
                        } else {
                            regex.append('\\').append(member);
                        }
                    }
                    regex.append(']');
                    i = close;
                }
                default -> regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString());
    }
}
