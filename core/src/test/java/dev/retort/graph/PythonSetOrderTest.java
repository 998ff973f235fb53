package dev.retort.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Python's own answers (CPython 3.11, {@code PYTHONHASHSEED=0}), recorded here so the
 * reproduction of its string hash and set order stays exact.
 */
class PythonSetOrderTest {

    @Test
    void stringHashesMatchPython() {
        assertThat(PythonSetOrder.hash("r3")).isEqualTo(-8090494207657044730L);
        assertThat(PythonSetOrder.hash("4508eea93a04")).isEqualTo(2821625749414945599L);
        assertThat(PythonSetOrder.hash("abcdefghijklmnop")).isEqualTo(-7712962755478248686L);
        assertThat(PythonSetOrder.hash("")).isZero();
    }

    @Test
    void setOrderMatchesPython() {
        assertThat(PythonSetOrder.order(List.of("r3", "r5"))).containsExactly("r5", "r3");
        assertThat(PythonSetOrder.order(List.of("4508eea93a04", "5077f5b45e5a"))).containsExactly("5077f5b45e5a", "4508eea93a04");
        List<String> twelve = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            twelve.add("a" + i);
        }
        // twelve entries force the set to grow twice
        assertThat(PythonSetOrder.order(twelve))
                .containsExactly("a4", "a8", "a0", "a11", "a1", "a2", "a7", "a9", "a3", "a10", "a5", "a6");
    }

    /*
     *     a --> b                 d depends on b and y, two independent branches; Alembic walks
     *     x --> y                 them in its set's order (y before b here), and an upgrade runs
     *     (d depends on b, y)     the walk reversed: b's branch first, then y's, then d
     */
    @Test
    void aRevisionDependingOnTwoBranchesIsPlannedInAlembicsOrder() {
        // Python: tuple(set(["b", "y"])) == ("y", "b")
        assertThat(PythonSetOrder.order(List.of("b", "y"))).containsExactly("y", "b");
        RevisionGraph graph = Graphs.graph("a", "a->b", "x", "x->y", "d needs:b,y");
        Graphs.assertSteps(new Planner(graph).upgrade(List.of(), "d"),
                "+a [a]", "+b [b]", "+x [b x]", "+y [b y]", "+d [d]");
    }
}
