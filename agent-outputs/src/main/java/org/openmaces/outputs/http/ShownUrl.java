package org.openmaces.outputs.http;

import java.net.URI;
import java.util.regex.Pattern;

/**
 * A URL as the agent shows it in logs, errors and nxlog doctor: a password in its user information
 * ({@code https://user:password@host/}) is replaced by {@code ***}, so a credential written into the URL
 * never reaches a log file.
 */
final class ShownUrl {
    private static final Pattern PASSWORD = Pattern.compile("(//[^/?#@:]*):[^/?#@]*@");

    private ShownUrl() {
    }

    static String of(URI url) {
        return of(url.toString());
    }

    static String of(String url) {
        return PASSWORD.matcher(url).replaceFirst("$1:***@");
    }
}
