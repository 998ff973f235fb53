package dev.retort.bench;

import org.flywaydb.core.Flyway;

/** Flyway with {@code V<n>__*.sql} files from a folder, its defaults otherwise (validate on migrate). */
final class FlywayTool implements Tool {

    @Override
    public String name() {
        return "Flyway";
    }

    @Override
    public Session open(Target target, Workload.Layout layout) {
        Flyway flyway = Flyway.configure()
                .dataSource(target.dataSource())
                .locations("filesystem:" + layout.flyway())
                .schemas(target.flywaySchema())
                .load();
        return new Session() {
            @Override
            public void migrate() {
                flyway.migrate();
            }

            @Override
            public int pending() {
                return flyway.info().pending().length;
            }
        };
    }
}
