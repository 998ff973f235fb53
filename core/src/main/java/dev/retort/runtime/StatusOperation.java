package dev.retort.runtime;

import dev.retort.PendingRevision;
import dev.retort.Status;
import dev.retort.dialect.Dialects;
import dev.retort.graph.Direction;
import dev.retort.graph.Plan;
import dev.retort.graph.Revision;
import dev.retort.graph.Step;
import dev.retort.script.ScriptDirectory;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Where the database stands: current rows, heads, pending revisions, unknown revisions, checksum drift. No lock. */
public final class StatusOperation {

    private final RetortConfig config;
    private final ScriptDirectory scripts;

    public StatusOperation(RetortConfig config, ScriptDirectory scripts) {
        this.config = config;
        this.scripts = scripts;
    }

    public Status status() {
        try (Session session = Session.open(config)) {
            try {
                String database = Dialects.describe(session.connection());
                List<String> rows = session.versions().read(session.connection());
                rows = rows == null ? List.of() : rows;
                List<String> unknown = UnknownRevisions.find(rows, scripts);
                List<PendingRevision> pending = new ArrayList<>();
                if (unknown.isEmpty() && !scripts.graph().heads().isEmpty()) {
                    Plan plan = scripts.planner().upgrade(rows, "heads");
                    for (Step step : plan.steps()) {
                        if (step.direction() == Direction.UPGRADE) {
                            Revision revision = scripts.graph().get(step.revision());
                            pending.add(new PendingRevision(revision.id(), revision.message(), revision.revises()));
                        }
                    }
                }
                var mismatches = ChecksumCheck.mismatches(ChecksumCheck.find(session.connection(), session.history(), scripts));
                List<String> heads = scripts.graph().heads().stream().sorted().toList();
                boolean upToDate = unknown.isEmpty() && pending.isEmpty();
                return new Status(database, session.schema(), session.versions().name(), upToDate, rows, heads, pending,
                        unknown, scripts.graph().revisions().size(), mismatches);
            } catch (SQLException e) {
                throw session.databaseError("reading the status", e);
            }
        }
    }
}
