package dev.retort.runtime;

import dev.retort.AppliedRevision;
import dev.retort.MigrationListener;
import dev.retort.MigrationResult;
import dev.retort.graph.Direction;
import dev.retort.graph.Plan;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The configured listeners, each call guarded: a listener's exception is logged and never
 * changes the outcome of a run.
 */
public final class Listeners implements MigrationListener {

    private static final Logger LOG = LoggerFactory.getLogger(Listeners.class);

    private final List<MigrationListener> listeners;

    public Listeners(List<MigrationListener> listeners) {
        this.listeners = List.copyOf(listeners);
    }

    @Override
    public void runStarting(Plan plan) {
        each(l -> l.runStarting(plan));
    }

    @Override
    public void revisionApplied(AppliedRevision revision) {
        each(l -> l.revisionApplied(revision));
    }

    @Override
    public void revisionFailed(String revision, Direction direction, Duration took, RuntimeException error) {
        each(l -> l.revisionFailed(revision, direction, took, error));
    }

    @Override
    public void runFinished(MigrationResult result) {
        each(l -> l.runFinished(result));
    }

    @Override
    public void runFailed(RuntimeException error) {
        each(l -> l.runFailed(error));
    }

    private void each(Consumer<MigrationListener> call) {
        for (MigrationListener listener : listeners) {
            try {
                call.accept(listener);
            } catch (RuntimeException e) {
                LOG.warn("Migration listener {} failed; the run goes on: {}", listener.getClass().getName(), e.toString());
            }
        }
    }
}
