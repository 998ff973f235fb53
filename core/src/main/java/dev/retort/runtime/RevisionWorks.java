package dev.retort.runtime;

import dev.retort.IrreversibleRevisionException;
import dev.retort.RetortException;
import dev.retort.dialect.Dialect;
import dev.retort.graph.Direction;
import dev.retort.graph.Plan;
import dev.retort.graph.Step;
import dev.retort.script.MigrationScript;
import dev.retort.script.ScriptDirectory;
import dev.retort.script.Section;
import dev.retort.script.SqlStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns a plan's steps into the statements to run, before anything runs: so an irreversible
 * revision, a missing section for the dialect or a file that cannot be split stops the whole
 * run up front.
 */
public final class RevisionWorks {

    private RevisionWorks() {
    }

    public static List<RevisionWork> forPlan(Plan plan, ScriptDirectory scripts, Dialect dialect) {
        List<RevisionWork> works = new ArrayList<>();
        for (Step step : plan.steps()) {
            MigrationScript script = scripts.script(step.revision());
            if (script == null) {
                throw new RetortException("The plan needs revision " + step.revision() + ", but no migration file declares it.");
            }
            Optional<Section> section = script.section(step.direction(), dialect.sectionNames());
            if (section.isEmpty() && step.direction() == Direction.DOWNGRADE) {
                throw new IrreversibleRevisionException("Cannot downgrade through revision " + script.revision()
                        + (script.message().isEmpty() ? "" : " (" + script.message() + ")") + ": " + script.location()
                        + " has no '-- +downgrade' section, so it is irreversible. Nothing was run. Add a downgrade section "
                        + "to the file, or choose a target above this revision.", script.revision(), script.location());
            }
            List<ExecutableStatement> statements = new ArrayList<>();
            if (section.isPresent()) {
                for (SqlStatement statement : script.statements(section.get(), dialect.syntax())) {
                    statements.add(new ExecutableStatement(statement.sql(), statement.line()));
                }
            }
            works.add(new RevisionWork(script.revision(), step.direction(), script.message(), script.revises(),
                    script.location(), script.checksum(), script.transactional(), statements));
        }
        return works;
    }
}
