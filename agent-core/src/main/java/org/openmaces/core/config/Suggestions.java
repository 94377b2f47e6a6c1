package org.openmaces.core.config;

import java.util.Collection;
import java.util.Locale;

/** "Did you mean" hints: the candidate nearest to a misspelled name by edit distance. */
public final class Suggestions {
    private Suggestions() {
    }

    /** The candidate closest to {@code name} (case-insensitive), or null when none is close enough. */
    public static String nearest(String name, Collection<String> candidates) {
        String lower = name.toLowerCase(Locale.ROOT);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : candidates) {
            int distance = editDistance(lower, candidate.toLowerCase(Locale.ROOT));
            if (distance < bestDistance) {
                bestDistance = distance;
                best = candidate;
            }
        }
        int allowed = Math.max(2, lower.length() / 3);
        return bestDistance <= allowed ? best : null;
    }

    /** {@code "; did you mean 'X'?"} or the empty string. */
    public static String didYouMean(String name, Collection<String> candidates) {
        String nearest = nearest(name, candidates);
        return nearest == null ? "" : "; did you mean '" + nearest + "'?";
    }

    static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
