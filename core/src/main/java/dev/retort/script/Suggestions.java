package dev.retort.script;

import java.util.Collection;

/** "Did you mean ...?" for misspelt keys, markers and dialect names. */
final class Suggestions {

    private Suggestions() {
    }

    /**
     * The candidate nearest to {@code word} by Levenshtein distance (ignoring case), or null
     * when even the nearest needs more edits than a typo would (more than a third of its
     * length, at least 2).
     */
    static String nearest(String word, Collection<String> candidates) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        String lower = word.toLowerCase(java.util.Locale.ROOT);
        for (String candidate : candidates) {
            int d = distance(lower, candidate.toLowerCase(java.util.Locale.ROOT));
            if (d < bestDistance) {
                best = candidate;
                bestDistance = d;
            }
        }
        return best != null && bestDistance <= Math.max(2, best.length() / 3) ? best : null;
    }

    /** {@code "; did you mean 'x'?"}, or {@code "."} when nothing is near, ending a sentence either way. */
    static String didYouMean(String word, Collection<String> candidates) {
        String nearest = nearest(word, candidates);
        return nearest == null ? "." : "; did you mean '" + nearest + "'?";
    }

    static int distance(String a, String b) {
        return dev.retort.EditDistance.between(a, b);
    }
}
