package dev.retort.graph;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/** Suggestions for a mistyped id or label: the existing names closest to what was typed. */
final class Nearest {

    private Nearest() {
    }

    /** Up to {@code max} names from {@code names}, closest first (edit distance, then shared prefix). */
    static List<String> to(String typed, Collection<String> names, int max) {
        record Scored(String name, int distance, int prefix) {
        }
        List<Scored> scored = new ArrayList<>();
        for (String name : names) {
            scored.add(new Scored(name, distance(typed, name), sharedPrefix(typed, name)));
        }
        scored.sort(Comparator.comparingInt(Scored::distance)
                .thenComparing(Comparator.comparingInt(Scored::prefix).reversed())
                .thenComparing(Scored::name));
        List<String> result = new ArrayList<>();
        // Only names about as close as the closest one, and never far-fetched ones.
        int limit = Math.max(typed.length() / 2, 3);
        int best = scored.isEmpty() ? 0 : scored.get(0).distance();
        for (Scored s : scored) {
            if (result.size() == max) {
                break;
            }
            boolean close = s.distance() <= limit && s.distance() == best;
            boolean samePrefix = s.prefix() >= Math.min(4, typed.length());
            if (close || samePrefix) {
                result.add(s.name());
            }
        }
        return result;
    }

    private static int sharedPrefix(String a, String b) {
        int n = Math.min(a.length(), b.length());
        int i = 0;
        while (i < n && a.charAt(i) == b.charAt(i)) {
            i++;
        }
        return i;
    }

    private static int distance(String a, String b) {
        return dev.retort.EditDistance.between(a, b);
    }

    /** "a, b and c" for messages. */
    static String list(Collection<String> names) {
        List<String> l = new ArrayList<>(names);
        if (l.isEmpty()) {
            return "";
        }
        if (l.size() == 1) {
            return l.get(0);
        }
        return String.join(", ", l.subList(0, l.size() - 1)) + " and " + l.get(l.size() - 1);
    }
}
