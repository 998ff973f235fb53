package dev.retort.graph;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Turns identifiers into revisions, as Alembic's {@code RevisionMap} does: full ids, unique
 * prefixes (ids of three characters or fewer only in full), branch labels, {@code head},
 * {@code heads}, {@code base}, {@code label@head}, {@code id@head}, {@code -N} from every head,
 * and relative walks. What an upgrade or downgrade target means relative to the version table
 * is {@link TargetParser}'s job.
 *
 * <p>Results are revision indexes; {@link #NONE} stands for "no revision" (base, or a walk
 * that ran out) and {@link #BASE} for the base position reached by walking down.
 */
final class IdentifierResolver {

    static final int NONE = -1;
    static final int BASE = -2;

    /** Alembic's {@code _relative_destination}: {@code [label@][symbol](+|-)N}, matched at the start. */
    static final Pattern RELATIVE = Pattern.compile("(?:(.+?)@)?(\\w+)?([+-]\\d+)");
    private static final Pattern INTEGER = Pattern.compile("[+-]?\\d+");

    private final RevisionGraph graph;

    IdentifierResolver(RevisionGraph graph) {
        this.graph = graph;
    }

    /** An identifier split into its revision part(s) and its branch label. */
    record Number(List<String> ids, String label) {
    }

    // ---- resolution ----

    Number resolveNumber(String id) {
        String label = null;
        if (id != null && id.contains("@")) {
            int at = id.indexOf('@');
            label = id.substring(0, at);
            id = id.substring(at + 1);
            if (label.isEmpty()) {
                label = null;
            }
        }
        if ("heads".equals(id)) {
            if (label != null) {
                return new Number(graph.ids(filterForLineage(toList(graph.headIndexes()), label, false)), label);
            }
            return new Number(graph.ids(graph.realHeadIndexes()), null);
        } else if ("head".equals(id)) {
            int head = currentHead(label);
            return new Number(head == NONE ? List.of() : List.of(graph.id(head)), label);
        } else if (id == null || "base".equals(id)) {
            return new Number(List.of(), label);
        }
        return new Number(List.of(id), label);
    }

    /** Alembic's {@code get_revisions}: every revision an identifier names (may hold NONE or BASE). */
    List<Integer> getRevisions(String id) {
        Number number = resolveNumber(id);
        if (number.ids().size() == 1 && number.ids().get(0).startsWith("-")
                && INTEGER.matcher(number.ids().get(0)).matches()) {
            int steps = parseSteps(number.ids().get(0), id);
            if (steps < 0) {
                // label@-n and -n walk down from every head (of that branch).
                List<Integer> result = new ArrayList<>();
                for (int head : getRevisions("heads")) {
                    if (number.label() == null || graph.labels(head).contains(number.label())) {
                        result.add(walk(head, steps, null, true, id));
                    }
                }
                return result;
            }
        }
        List<Integer> result = new ArrayList<>(number.ids().size());
        for (String rid : number.ids()) {
            result.add(revisionForIdent(rid, number.label()));
        }
        return result;
    }

    List<Integer> getRevisions(List<String> ids) {
        List<Integer> result = new ArrayList<>();
        for (String id : ids) {
            result.addAll(getRevisions(id));
        }
        return result;
    }

    /** Alembic's {@code get_revision}: the one revision an identifier names, or NONE for base. */
    int getRevision(String id) {
        Number number = resolveNumber(id);
        if (number.ids().size() > 1) {
            throw new MultipleHeadsException(number.ids(), id);
        }
        return revisionForIdent(number.ids().isEmpty() ? null : number.ids().get(0), number.label());
    }

    int revisionForIdent(String ident, String checkBranch) {
        int branchRevision = checkBranch != null ? resolveBranch(checkBranch) : NONE;
        if (ident == null) {
            return NONE;
        }
        int revision = graph.indexOf(ident);
        if (revision < 0) {
            revision = graph.labelOwner(ident);
        }
        if (revision < 0) {
            // Prefix lookup: ids (and labels) longer than three characters that start with it.
            List<String> candidates = new ArrayList<>();
            for (String name : graph.idNames()) {
                if (name.length() > 3 && name.startsWith(ident)) {
                    candidates.add(name);
                }
            }
            for (String name : graph.labelNames()) {
                if (name.length() > 3 && name.startsWith(ident)) {
                    candidates.add(name);
                }
            }
            candidates.sort(GraphBuilder::compareCodePoints);
            if (branchRevision != NONE) {
                List<String> onBranch = new ArrayList<>();
                for (String c : candidates) {
                    if (sharesLineage(lookup(c), List.of(checkBranch), false)) {
                        onBranch.add(c);
                    }
                }
                candidates = onBranch;
            }
            if (candidates.isEmpty()) {
                throw unknown(ident);
            } else if (candidates.size() > 1) {
                throw new ResolutionException(ident, ResolutionException.Reason.AMBIGUOUS_PREFIX, candidates,
                        "'" + ident + "' is the start of " + candidates.size() + " revision ids ("
                                + String.join(", ", candidates) + "); type more of the id to pick one");
            }
            revision = lookup(candidates.get(0));
        }
        if (checkBranch != null && !graph.sharesLineage(revision, branchRevision, false)) {
            throw new ResolutionException(ident, ResolutionException.Reason.NOT_ON_BRANCH, List.of(),
                    "Revision " + graph.id(revision) + " is not on branch '" + checkBranch + "' (it is neither an"
                            + " ancestor nor a descendant of " + graph.id(branchRevision) + "); name a revision of"
                            + " that branch, or drop the '" + checkBranch + "@' prefix");
        }
        return revision;
    }

    private int lookup(String idOrLabel) {
        int i = graph.indexOf(idOrLabel);
        return i >= 0 ? i : graph.labelOwner(idOrLabel);
    }

    ResolutionException unknown(String ident) {
        java.util.Set<String> names = new java.util.LinkedHashSet<>(graph.idNames());
        names.addAll(graph.labelNames());
        List<String> near = Nearest.to(ident, names, 3);
        StringBuilder message = new StringBuilder("No revision or branch label matches '").append(ident).append("'");
        if (ident.length() < 4) {
            message.append(" (ids of three characters or fewer must be typed in full)");
        }
        if (graph.size() == 0) {
            message.append("; there are no revisions yet");
        } else if (!near.isEmpty()) {
            message.append("; the nearest are ").append(String.join(", ", near));
        }
        message.append("; `retort history` lists every revision");
        if (!graph.labelNames().isEmpty()) {
            message.append(" and `retort branches` the labels");
        }
        return new ResolutionException(ident, ResolutionException.Reason.UNKNOWN, near, message.toString());
    }

    int resolveBranch(String label) {
        int owner = lookup(label);
        if (owner >= 0) {
            return owner;
        }
        try {
            return revisionForIdent(label, null);
        } catch (ResolutionException e) {
            Set<String> known = new TreeSet<>(graph.labelNames());
            throw new ResolutionException(label, ResolutionException.Reason.UNKNOWN_BRANCH, List.copyOf(known),
                    "No branch label or revision matches '" + label + "'" + (known.isEmpty()
                            ? "; no revision declares a branch label"
                            : "; the branch labels are " + String.join(", ", known)));
        }
    }

    /** The targets that share a line of history with what {@code checkAgainst} names. */
    List<Integer> filterForLineage(List<Integer> targets, String checkAgainst, boolean withDependencies) {
        Number number = resolveNumber(checkAgainst);
        List<String> shares = new ArrayList<>();
        if (number.label() != null) {
            shares.add(number.label());
        }
        shares.addAll(number.ids());
        List<Integer> result = new ArrayList<>();
        for (int t : targets) {
            if (sharesLineage(t, shares, withDependencies)) {
                result.add(t);
            }
        }
        return result;
    }

    boolean sharesLineage(int target, List<String> against, boolean withDependencies) {
        if (against.isEmpty()) {
            return true;
        }
        // Resolve every name first: a bad one fails even when an earlier one matches (as in Alembic).
        List<Integer> others = new ArrayList<>(against.size());
        for (String a : against) {
            others.add(revisionForIdent(a, null));
        }
        for (int other : others) {
            if (other >= 0 && graph.sharesLineage(target, other, withDependencies)) {
                return true;
            }
        }
        return false;
    }

    /** The single head (of a branch when a label is given), or NONE when there is none. */
    int currentHead(String label) {
        List<Integer> heads = toList(graph.headIndexes());
        if (label != null) {
            heads = filterForLineage(heads, label, false);
        }
        if (heads.size() > 1) {
            throw new MultipleHeadsException(graph.ids(heads), label != null ? label + "@head" : "head");
        }
        return heads.isEmpty() ? NONE : heads.get(0);
    }

    /** The effective current revisions: rows plus what they imply, reduced to the tips. */
    BitSet allCurrent(List<String> rows) {
        List<Integer> top = new ArrayList<>();
        for (int r : getRevisions(rows)) {
            if (r >= 0) {
                top.add(r);
            }
        }
        BitSet all = graph.ancestors(top, true);
        BitSet result = (BitSet) all.clone();
        for (int i = all.nextSetBit(0); i >= 0; i = all.nextSetBit(i + 1)) {
            BitSet below = graph.descendants(List.of(i), false);
            below.clear(i);
            if (below.intersects(all)) {
                result.clear(i);
            }
        }
        return result;
    }

    List<String> showIds(String identifier) {
        List<String> result = new ArrayList<>();
        for (int r : getRevisions(identifier)) {
            if (r == NONE) {
                throw new RelativeWalkException(identifier, RelativeWalkException.Reason.TOO_FAR, List.of(),
                        "'" + identifier + "' walks past the end of the history; use a smaller step");
            }
            // A walk that ends below the first revision names base, as Alembic's answer does.
            result.add(r == BASE ? "base" : graph.id(r));
        }
        return result;
    }

    // ---- relative walks ----

    /**
     * Walks {@code steps} up (positive) or down (negative) from {@code start} (NONE: from base
     * going up, from the heads going down). Going up, {@code label} keeps the walk on that
     * branch. Returns NONE when the walk runs out and {@code noOverwalk}, else stops where it is.
     */
    int walk(int start, int steps, String label, boolean noOverwalk, String argument) {
        int at = start;
        for (int i = 0; i < Math.abs(steps); i++) {
            List<Integer> next;
            if (steps > 0) {
                if (at == BASE) {
                    throw new RelativeWalkException(argument, RelativeWalkException.Reason.TOO_FAR, List.of(),
                            "'" + argument + "' cannot walk up from base");
                }
                next = toList(at == NONE ? graph.baseIndexes() : graph.children(at));
                if (label != null) {
                    next = filterForLineage(next, label, false);
                }
            } else if (at == BASE) {
                next = List.of();
            } else {
                next = toList(at == NONE ? graph.headIndexes() : graph.parents(at));
                if (next.isEmpty()) {
                    next = List.of(BASE);
                }
            }
            if (next.isEmpty()) {
                return noOverwalk ? NONE : at;
            } else if (next.size() > 1) {
                String from = at == NONE ? (steps > 0 ? "base" : "the heads") : graph.id(at);
                throw new RelativeWalkException(argument, RelativeWalkException.Reason.AMBIGUOUS, graph.ids(next),
                        "'" + argument + "' is ambiguous: " + (steps > 0 ? "above " : "below ") + from + " the history splits into "
                                + String.join(", ", graph.ids(next)) + (steps > 0
                                ? "; name the revision to walk from, or use '<branch-label>@+N' to follow one branch"
                                : "; name the revision to walk from (e.g. '" + graph.id(next.get(0)) + "-N') or the target itself"));
            }
            at = next.get(0);
        }
        return at;
    }

    // ---- helpers ----

    static List<Integer> withoutNone(List<Integer> revisions) {
        List<Integer> result = new ArrayList<>(revisions.size());
        for (int r : revisions) {
            if (r >= 0) {
                result.add(r);
            }
        }
        return result;
    }

    static int parseSteps(String text, String argument) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new RelativeWalkException(argument, RelativeWalkException.Reason.TOO_FAR, List.of(),
                    "'" + argument + "' asks for too many steps");
        }
    }

    static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    static List<Integer> toList(int[] array) {
        List<Integer> result = new ArrayList<>(array.length);
        for (int a : array) {
            result.add(a);
        }
        return result;
    }

    static List<Integer> bits(BitSet set) {
        List<Integer> result = new ArrayList<>(set.cardinality());
        for (int i = set.nextSetBit(0); i >= 0; i = set.nextSetBit(i + 1)) {
            result.add(i);
        }
        return result;
    }
}
