package dev.retort.bench;

import java.sql.Connection;
import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.Liquibase;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.DirectoryResourceAccessor;

/**
 * Liquibase with one formatted-SQL file per changeset, included by a master changelog
 * ({@code includeAll}), run the way {@code SpringLiquibase} runs it.
 */
final class LiquibaseTool implements Tool {

    @Override
    public String name() {
        return "Liquibase";
    }

    @Override
    public Session open(Target target, Workload.Layout layout) throws Exception {
        Connection connection = target.dataSource().getConnection();
        Database database = DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(connection));
        if (target.kind() == Target.Kind.POSTGRESQL) {
            database.setDefaultSchemaName(target.lowerSchema());
        }
        Liquibase liquibase = new Liquibase("changelog.xml", new DirectoryResourceAccessor(layout.liquibase()), database);
        return new Session() {
            @Override
            public void migrate() throws Exception {
                liquibase.update(new Contexts(), new LabelExpression());
            }

            @Override
            public int pending() throws Exception {
                return liquibase.listUnrunChangeSets(new Contexts(), new LabelExpression()).size();
            }

            @Override
            public void close() throws Exception {
                liquibase.close();
            }
        };
    }
}
