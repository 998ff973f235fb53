package dev.retort.runtime;

import dev.retort.TransactionMode;
import dev.retort.dialect.Dialect;
import dev.retort.graph.Direction;
import dev.retort.graph.Plan;
import dev.retort.graph.Step;
import java.util.List;

/**
 * Renders a plan as a SQL script for a dialect, without a connection (Alembic's {@code --sql}):
 * the version and history tables' creation when the plan starts from base, each revision's
 * statements, the version-table change and history row after each, and transaction boundaries
 * per transaction mode where the dialect has them.
 */
public final class OfflineSqlRenderer {

    private final Dialect dialect;
    private final VersionTable versionTable;
    private final HistoryTable historyTable;
    private final TransactionMode mode;
    private final String appliedBy;

    public OfflineSqlRenderer(Dialect dialect, VersionTable versionTable, HistoryTable historyTable, TransactionMode mode,
                              String appliedBy) {
        this.dialect = dialect;
        this.versionTable = versionTable;
        this.historyTable = historyTable;
        this.mode = mode;
        this.appliedBy = appliedBy;
    }

    /**
     * The script for {@code plan}; {@code works} holds one entry per step. For a stamp (no
     * steps) {@code stamped} lists the revisions that get a history row (their statements are ignored).
     */
    public String render(Plan plan, List<RevisionWork> works, List<RevisionWork> stamped) {
        StringBuilder out = new StringBuilder();
        out.append("-- Retort ").append(plan.operation().label()).append(' ').append(plan.target()).append(" for ")
                .append(dialect.name()).append(": from ").append(describe(plan.current())).append(" to ")
                .append(describe(plan.resultingHeads())).append("\n\n");
        if (plan.current().isEmpty()) {
            statement(out, versionTable.createSql());
            statement(out, historyTable.createSql());
            out.append('\n');
        }
        boolean runTransaction = mode == TransactionMode.ALL && dialect.beginTransaction() != null;
        if (runTransaction) {
            statement(out, dialect.beginTransaction());
            out.append('\n');
        }
        if (plan.steps().isEmpty()) {
            if (!plan.current().equals(plan.resultingHeads())) {
                boolean tx = mode == TransactionMode.PER_MIGRATION && dialect.beginTransaction() != null;
                if (tx) {
                    statement(out, dialect.beginTransaction());
                }
                for (VersionTable.Change change : versionTable.changes(plan.current(), plan.resultingHeads())) {
                    statement(out, change.sql());
                }
                for (RevisionWork work : stamped) {
                    statement(out, historyTable.insertSql(work.revision(), "stamp", work.message(), work.checksum(),
                            appliedBy, 0, true));
                }
                if (tx) {
                    statement(out, "COMMIT");
                }
                out.append('\n');
            }
        }
        for (int i = 0; i < plan.steps().size(); i++) {
            renderStep(out, plan.steps().get(i), works.get(i));
        }
        if (runTransaction) {
            statement(out, "COMMIT");
        }
        return out.toString();
    }

    private void renderStep(StringBuilder out, Step step, RevisionWork work) {
        String from = work.direction() == Direction.UPGRADE ? String.join(", ", work.revises()) : work.revision();
        String to = work.direction() == Direction.UPGRADE ? work.revision() : String.join(", ", work.revises());
        out.append("-- Running ").append(work.direction().label()).append(' ').append(from).append(" -> ").append(to)
                .append(work.message().isEmpty() ? "" : ", " + oneLine(work.message())).append('\n');
        out.append("-- ").append(work.location()).append(work.transactional() ? "" : " (transactional: false)").append("\n\n");
        boolean perRevision = mode == TransactionMode.PER_MIGRATION && dialect.beginTransaction() != null;
        if (perRevision && work.transactional()) {
            statement(out, dialect.beginTransaction());
            out.append('\n');
        }
        for (ExecutableStatement statement : work.statements()) {
            statement(out, statement.sql());
            out.append('\n');
        }
        if (perRevision && !work.transactional()) {
            statement(out, dialect.beginTransaction());
        }
        for (VersionTable.Change change : versionTable.changes(step.headsBefore(), step.headsAfter())) {
            statement(out, change.sql());
        }
        statement(out, historyTable.insertSql(work.revision(), work.direction().label(), work.message(), work.checksum(),
                appliedBy, 0, true));
        if (perRevision) {
            statement(out, "COMMIT");
        }
        out.append('\n');
    }

    /**
     * One statement with its terminator. A MySQL statement with inner semicolons (a routine
     * body) is wrapped in {@code DELIMITER} lines, which the {@code mysql} client needs.
     */
    private void statement(StringBuilder out, String sql) {
        boolean mysql = dialect.name().equals("mysql") || dialect.name().equals("mariadb");
        if (mysql && sql.contains(";")) {
            out.append("DELIMITER //\n").append(sql).append("\n//\nDELIMITER ;\n");
        } else {
            out.append(sql).append(";\n");
        }
    }

    private static String describe(List<String> rows) {
        return rows.isEmpty() ? "base" : String.join(", ", rows);
    }

    private static String oneLine(String text) {
        return text.replaceAll("\\s+", " ");
    }
}
