package dev.retort.graph;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;

/**
 * What an upgrade or downgrade target means given the version table's rows: absolute targets
 * resolve as identifiers; {@code +N} walks up from the current revision (or from where a
 * branch leaves the applied history, for {@code label@+N}); {@code -N} walks down from the one
 * current row (several rows are refused rather than guessed); {@code id+N} / {@code id-N}
 * walk from a revision (Alembic's {@code _parse_upgrade_target} / {@code _parse_downgrade_target}).
 */
final class TargetParser {

    /** A parsed downgrade target: the branch label it names, and the revision (or NONE for base). */
    record DowngradeTarget(String label, int revision) {
    }

    private final RevisionGraph graph;
    private final IdentifierResolver resolver;

    TargetParser(RevisionGraph graph) {
        this.graph = graph;
        this.resolver = graph.resolver();
    }

    /** Alembic's {@code _parse_upgrade_target}: the revisions an upgrade target names. */
    List<Integer> parseUpgradeTarget(List<String> rows, String target, boolean assertRelativeLength) {
        Matcher m = target == null ? null : IdentifierResolver.RELATIVE.matcher(target);
        if (m == null || !m.lookingAt()) {
            return resolver.getRevisions(target);
        }
        String label = IdentifierResolver.emptyToNull(m.group(1));
        String symbol = m.group(2);
        int relative = IdentifierResolver.parseSteps(m.group(3), target);
        if (relative > 0) {
            if (symbol == null) {
                List<Integer> startRevs;
                if (label == null) {
                    startRevs = new ArrayList<>();
                    for (String row : rows) {
                        startRevs.add(resolver.getRevision(row));
                    }
                    if (startRevs.isEmpty()) {
                        startRevs.add(IdentifierResolver.NONE);
                    }
                } else {
                    List<Integer> current = resolver.getRevisions(rows);
                    startRevs = resolver.filterForLineage(IdentifierResolver.withoutNone(current), label, false);
                    if (startRevs.isEmpty()) {
                        // The branch is not at a current row: start from the tips of the
                        // applied revisions on that branch, or from base.
                        BitSet applied = graph.ancestors(IdentifierResolver.withoutNone(current), true);
                        List<Integer> active = resolver.filterForLineage(IdentifierResolver.bits(applied), label, false);
                        BitSet tips = new BitSet();
                        for (int a : active) {
                            tips.set(a);
                        }
                        for (int a : active) {
                            for (int d : graph.normalizedDown(a)) {
                                tips.clear(d);
                            }
                        }
                        startRevs = tips.isEmpty() ? List.of(IdentifierResolver.NONE) : IdentifierResolver.bits(tips);
                    }
                }
                if (startRevs.size() > 1) {
                    List<String> starts = graph.ids(IdentifierResolver.withoutNone(startRevs));
                    throw new RelativeWalkException(target, RelativeWalkException.Reason.NO_START, starts,
                            "'" + target + "' is ambiguous: the database is at several revisions ("
                                    + String.join(", ", starts) + "); name the revision to walk from ('"
                                    + (starts.isEmpty() ? "<id>" : starts.get(0)) + target + "') or use '<branch-label>@" + target + "'");
                }
                int rev = resolver.walk(startRevs.get(0), relative, label, assertRelativeLength, target);
                if (rev == IdentifierResolver.NONE) {
                    throw tooFar(target, relative);
                }
                return List.of(rev);
            }
            int rev = resolver.walk(resolver.getRevision(symbol), relative, label, assertRelativeLength, target);
            if (rev == IdentifierResolver.NONE) {
                throw tooFar(target, relative);
            }
            return List.of(rev);
        }
        if (symbol == null) {
            throw new RelativeWalkException(target, RelativeWalkException.Reason.TOO_FAR, List.of(),
                    "'" + target + "' walks down, which an upgrade cannot do; use `retort downgrade " + target + "`");
        }
        int start = label == null ? resolver.getRevision(symbol) : resolver.getRevision(label + "@" + symbol);
        int rev = resolver.walk(start, relative, null, assertRelativeLength, target);
        if (rev == IdentifierResolver.NONE || rev == IdentifierResolver.BASE) {
            throw new RelativeWalkException(target, RelativeWalkException.Reason.TOO_FAR, List.of(),
                    "'" + target + "' walks below the first revision; there is nothing to upgrade to there"
                            + " (use `retort downgrade " + target + "` to go down)");
        }
        return List.of(rev);
    }

    private static RelativeWalkException tooFar(String target, int relative) {
        return new RelativeWalkException(target, RelativeWalkException.Reason.TOO_FAR, List.of(),
                "'" + target + "' walks past the newest revision: there are fewer than " + Math.abs(relative)
                        + " revisions above the starting point; use a smaller step or 'head'");
    }

    /** Alembic's {@code _parse_downgrade_target}: branch label and target revision (IdentifierResolver.NONE = base). */
    DowngradeTarget parseDowngradeTarget(List<String> rows, String target, boolean assertRelativeLength) {
        if (target == null) {
            return new DowngradeTarget(null, IdentifierResolver.NONE);
        }
        Matcher m = IdentifierResolver.RELATIVE.matcher(target);
        if (m.lookingAt()) {
            String label = IdentifierResolver.emptyToNull(m.group(1));
            String symbol = m.group(2);
            int relative = IdentifierResolver.parseSteps(m.group(3), target);
            if (relative >= 0) {
                if (symbol == null) {
                    throw new RelativeWalkException(target, RelativeWalkException.Reason.TOO_FAR, List.of(),
                            "'" + target + "' walks up, which a downgrade cannot do; use `retort upgrade " + target + "`");
                }
                int rev = resolver.walk(resolver.getRevision(symbol), relative, label, assertRelativeLength, target);
                if (rev == IdentifierResolver.NONE) {
                    throw tooFar(target, relative);
                }
                return new DowngradeTarget(label, rev);
            }
            boolean fromCurrent = symbol == null;
            if (fromCurrent) {
                if (label != null) {
                    List<Integer> onBranch = resolver.filterForLineage(IdentifierResolver.withoutNone(resolver.getRevisions(rows)), label, false);
                    if (onBranch.isEmpty()) {
                        onBranch = resolver.filterForLineage(IdentifierResolver.bits(resolver.allCurrent(rows)), label, false);
                    }
                    if (onBranch.size() != 1) {
                        throw new RelativeWalkException(target, RelativeWalkException.Reason.NO_START, graph.ids(onBranch),
                                onBranch.isEmpty()
                                        ? "'" + target + "' has nothing to walk down from: the database is at no revision of branch '" + label + "'"
                                        : "'" + target + "' is ambiguous: the database is at several revisions of branch '" + label
                                        + "' (" + String.join(", ", graph.ids(onBranch)) + "); name the revision to walk from");
                    }
                    symbol = graph.id(onBranch.get(0));
                } else {
                    if (rows.isEmpty()) {
                        throw new RelativeWalkException(target, RelativeWalkException.Reason.TOO_FAR, List.of(),
                                "'" + target + "' walks down from the current revision, but the database is at base;"
                                        + " there is nothing to downgrade");
                    }
                    Set<String> distinct = new LinkedHashSet<>(rows);
                    if (distinct.size() > 1) {
                        // Alembic warns and picks the first row; Retort refuses instead of guessing.
                        throw new MultipleHeadsException(List.copyOf(distinct), target,
                                "'" + target + "' is ambiguous: the database is at " + distinct.size() + " heads ("
                                        + String.join(", ", distinct) + "); walk down from one of them ('"
                                        + distinct.iterator().next() + target + "'), or use '<branch-label>@" + target + "'");
                    }
                    symbol = rows.get(0);
                    label = symbol;
                }
            }
            int start = label == null ? resolver.getRevision(symbol) : resolver.getRevision(label + "@" + symbol);
            int rev = resolver.walk(start, relative, null, assertRelativeLength, target);
            if (rev == IdentifierResolver.NONE) {
                throw new RelativeWalkException(target, RelativeWalkException.Reason.TOO_FAR, List.of(),
                        "'" + target + "' walks below base: there are fewer than " + Math.abs(relative)
                                + " revisions below the starting point; use a smaller step or 'base'");
            }
            return new DowngradeTarget(label, rev == IdentifierResolver.BASE ? IdentifierResolver.NONE : rev);
        }
        int at = target.lastIndexOf('@');
        String label = at < 0 ? null : IdentifierResolver.emptyToNull(target.substring(0, at));
        String symbol = target.substring(at + 1);
        return new DowngradeTarget(label, resolver.getRevision(symbol));
    }
}
