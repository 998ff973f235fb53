package dev.retort.bench;

import dev.retort.Retort;

/** Retort with its files from a folder and its defaults otherwise (checksums validated on upgrade). */
final class RetortTool implements Tool {

    @Override
    public String name() {
        return "Retort";
    }

    @Override
    public Session open(Target target, Workload.Layout layout) {
        Retort retort = Retort.builder()
                .dataSource(target.dataSource())
                .locations("filesystem:" + layout.retort())
                .schema(target.schema())
                .build();
        return new Session() {
            @Override
            public void migrate() {
                retort.upgrade("head");
            }

            @Override
            public int pending() {
                return retort.status().pending().size();
            }
        };
    }
}
