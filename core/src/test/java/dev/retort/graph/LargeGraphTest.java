package dev.retort.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * Ten thousand revisions build and plan without blowing up (no quadratic walks). This asserts
 * results, not times; the benchmark in {@code bench} measures speed.
 */
class LargeGraphTest {

    static final int SIZE = 10_000;

    /** r00000 --> r00001 --> ... --> r09999 */
    static List<Revision> linear(int size) {
        List<Revision> revisions = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            revisions.add(i == 0 ? Revision.of(id(i)) : Revision.of(id(i), id(i - 1)));
        }
        return revisions;
    }

    /**
     * A trunk that forks every 100 revisions into a side branch of 40, merged back 60
     * revisions later; every 250th trunk revision also depends on the latest side branch
     * revision, and every side branch carries a label.
     */
    static List<Revision> branched(int size, long seed) {
        Random random = new Random(seed);
        List<Revision> revisions = new ArrayList<>(size);
        List<String> pendingMerges = new ArrayList<>();
        String trunk = null;
        String lastSide = null;
        int n = 0;
        while (n < size) {
            String id = id(n++);
            List<String> parents = new ArrayList<>();
            if (trunk != null) {
                parents.add(trunk);
            }
            if (!pendingMerges.isEmpty() && random.nextInt(60) == 0) {
                parents.add(pendingMerges.remove(0));
            }
            List<String> depends = new ArrayList<>();
            if (lastSide != null && n % 250 == 0 && !parents.contains(lastSide)) {
                depends.add(lastSide);
            }
            revisions.add(new Revision(id, parents, depends, List.of(), ""));
            if (n % 100 == 0 && n + 40 < size) {
                String side = trunk == null ? id : id;
                for (int k = 0; k < 40; k++) {
                    String sid = id(n++);
                    revisions.add(new Revision(sid, List.of(side), List.of(),
                            k == 0 ? List.of("side" + n) : List.of(), ""));
                    side = sid;
                }
                pendingMerges.add(side);
                lastSide = side;
            }
            trunk = id;
        }
        return revisions;
    }

    static String id(int i) {
        return String.format("r%05d", i);
    }

    @Test
    void aLinearHistoryOfTenThousandRevisionsPlansEndToEnd() {
        RevisionGraph graph = RevisionGraph.of(linear(SIZE));
        Planner planner = new Planner(graph);
        Plan up = planner.upgrade(List.of(), "head");
        assertThat(up.steps()).hasSize(SIZE);
        assertThat(up.steps().get(0).revision()).isEqualTo("r00000");
        assertThat(up.resultingHeads()).containsExactly("r09999");
        Plan down = planner.downgrade(List.of("r09999"), "base");
        assertThat(down.steps()).hasSize(SIZE);
        assertThat(down.resultingHeads()).isEmpty();
        assertThat(planner.upgrade(List.of("r05000"), "+10").resultingHeads()).containsExactly("r05010");
        assertThat(graph.history(null)).hasSize(SIZE);
    }

    @Test
    void aBranchedHistoryOfTenThousandRevisionsPlansEndToEnd() {
        RevisionGraph graph = RevisionGraph.of(branched(SIZE, 7));
        assertThat(graph.size()).isEqualTo(SIZE);
        Planner planner = new Planner(graph);
        Plan up = planner.upgrade(List.of(), "heads");
        assertThat(up.steps()).hasSize(SIZE);
        assertThat(up.resultingHeads()).containsExactlyInAnyOrderElementsOf(graph.realHeads());
        // every revision runs after its parents and dependencies
        java.util.Set<String> applied = new java.util.HashSet<>();
        List<String> outOfOrder = new ArrayList<>();
        for (Step step : up.steps()) {
            Revision r = graph.get(step.revision());
            if (!applied.containsAll(r.revises()) || !applied.containsAll(r.dependsOn())) {
                outOfOrder.add(r.id());
            }
            applied.add(r.id());
        }
        assertThat(outOfOrder).as("revisions applied before a parent or dependency").isEmpty();
        Plan down = planner.downgrade(up.resultingHeads(), "base");
        assertThat(down.steps()).hasSize(SIZE);
        assertThat(down.resultingHeads()).isEmpty();
        assertThat(graph.history(null)).hasSize(SIZE);
    }
}
