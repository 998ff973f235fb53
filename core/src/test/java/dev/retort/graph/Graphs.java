package dev.retort.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Test fixtures: graphs written as edges, and one assertion for a plan's steps together with
 * the version table's rows.
 *
 * <p>Edge syntax, one revision per string: {@code "a"} (a base), {@code "a->b"} (b revises a),
 * {@code "b,c->m"} (m merges b and c, in that order), followed by optional {@code @label} and
 * {@code needs:x,y} (depends-on), e.g. {@code "a->b @shop needs:x"}.
 */
final class Graphs {

    private Graphs() {
    }

    static RevisionGraph graph(String... edges) {
        return RevisionGraph.of(revisions(edges));
    }

    static List<Revision> revisions(String... edges) {
        List<Revision> result = new ArrayList<>();
        for (String edge : edges) {
            String[] parts = edge.trim().split("\\s+");
            String head = parts[0];
            List<String> parents = List.of();
            String id = head;
            int arrow = head.indexOf("->");
            if (arrow >= 0) {
                parents = Arrays.asList(head.substring(0, arrow).split(","));
                id = head.substring(arrow + 2);
            }
            List<String> labels = new ArrayList<>();
            List<String> needs = new ArrayList<>();
            for (int i = 1; i < parts.length; i++) {
                if (parts[i].startsWith("@")) {
                    labels.add(parts[i].substring(1));
                } else if (parts[i].startsWith("needs:")) {
                    needs.addAll(Arrays.asList(parts[i].substring(6).split(",")));
                } else {
                    throw new IllegalArgumentException("cannot read '" + parts[i] + "' in '" + edge + "'");
                }
            }
            result.add(new Revision(id, parents, needs, labels, ""));
        }
        return result;
    }

    static List<String> rows(String spaceSeparated) {
        return spaceSeparated.isBlank() ? List.of() : List.of(spaceSeparated.trim().split("\\s+"));
    }

    /**
     * Asserts a plan's steps and the version table after each of them.
     *
     * @param steps one entry per step, {@code "+b  [b c]"}: {@code +} upgrade or {@code -}
     *              downgrade, the revision, and the version table's rows after it
     */
    static void assertSteps(Plan plan, String... steps) {
        List<String> actual = plan.steps().stream()
                .map(s -> (s.direction() == Direction.UPGRADE ? "+" : "-") + s.revision() + " ["
                        + String.join(" ", s.headsAfter()) + "]")
                .toList();
        // normalise spacing, so tables may align their columns: "+b   [b c]" -> "+b [b c]"
        List<String> expected = Arrays.stream(steps).map(s -> s.trim().replaceAll("\\s+", " ")).toList();
        assertThat(actual).as("steps, each with the version table after it").isEqualTo(expected);
        String last = steps.length == 0 ? String.join(" ", plan.current())
                : expected.get(expected.size() - 1).replaceFirst("^.*\\[(.*)]$", "$1");
        assertThat(String.join(" ", plan.resultingHeads())).as("version table at the end").isEqualTo(last);
    }

    static String ids(List<String> ids) {
        return ids.stream().collect(Collectors.joining(" "));
    }
}
