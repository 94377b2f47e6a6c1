package org.openmaces.outputs.net;

import java.util.ArrayList;
import java.util.List;

/**
 * One destination of a network output: {@code host}, {@code host:port}, {@code [ipv6]:port}, {@code [ipv6]} or a
 * bare IPv6 address, with the module's {@code Port} when the value names none.
 */
public record Endpoint(String host, int port) {

    /**
     * Parses every {@code Host} value.
     *
     * @throws IllegalArgumentException with a message naming the value, for an empty host or a bad port
     */
    public static List<Endpoint> parseAll(List<String> values, long defaultPort) {
        List<Endpoint> endpoints = new ArrayList<>();
        for (String value : values) {
            endpoints.add(parse(value.trim(), defaultPort));
        }
        return endpoints;
    }

    static Endpoint parse(String value, long defaultPort) {
        String host = value;
        String port = null;
        if (value.startsWith("[")) {
            int close = value.indexOf(']');
            if (close < 0) {
                throw new IllegalArgumentException("'" + value + "' lacks the ']' closing its IPv6 address");
            }
            host = value.substring(1, close);
            String rest = value.substring(close + 1);
            if (rest.startsWith(":")) {
                port = rest.substring(1);
            } else if (!rest.isEmpty()) {
                throw new IllegalArgumentException("'" + value + "': expected ':port' after ']'");
            }
        } else {
            int colon = value.lastIndexOf(':');
            if (colon >= 0 && value.indexOf(':') == colon) {
                host = value.substring(0, colon);
                port = value.substring(colon + 1);
            }
            // Several colons and no brackets: a bare IPv6 address, with the Port directive's port.
        }
        if (host.isEmpty()) {
            throw new IllegalArgumentException("'" + value + "' names no host");
        }
        long number = defaultPort;
        if (port != null) {
            try {
                number = Long.parseLong(port.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("invalid port: " + port);
            }
        }
        if (number < 1 || number > 65535) {
            throw new IllegalArgumentException("invalid port: " + number + " (use 1 to 65535)");
        }
        return new Endpoint(host, (int) number);
    }

    @Override
    public String toString() {
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }
}
