package dev.retort.script;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retort.testing.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The splitter's rules must agree with the databases: each tricky script is split with the
 * dialect's syntax and every statement is run on the real database, which would fail (or
 * store other values) if a statement had been cut in the wrong place.
 */
class SqlSplitterDatabaseTest {

    private static final String COMMON = """
            CREATE TABLE t (id INT PRIMARY KEY, v VARCHAR(100));
            -- a comment; with a semicolon
            INSERT INTO t VALUES (1, 'a;b');   /* block; comment */
            INSERT INTO t VALUES (2, 'it''s; fine');
            INSERT INTO t VALUES (3, '/* not a comment */ -- nor this');
            INSERT INTO t VALUES (4, 'x') /* trailing */
            ;
            """;

    private static final List<String> COMMON_ROWS = List.of("1=a;b", "2=it's; fine", "3=/* not a comment */ -- nor this",
            "4=x");

    @Test
    void postgresqlDollarQuotesEscapeStringsAndNestedComments() throws SQLException {
        String script = COMMON + """
                INSERT INTO t VALUES (5, $$d;o$$);
                INSERT INTO t VALUES (6, $tag$ $$;$$ $tag$);
                INSERT INTO t VALUES (7, E'back\\\\slash\\';');
                /* outer /* inner; */ still comment; */
                CREATE FUNCTION add_one(i integer) RETURNS integer AS $body$
                BEGIN
                    RETURN i + 1;
                END;
                $body$ LANGUAGE plpgsql;
                INSERT INTO t VALUES (add_one(7), 'function')
                """;
        assertThat(run(TestDatabase.Kind.POSTGRESQL, SqlSyntax.POSTGRESQL, script)).containsExactlyElementsOf(
                rows("5=d;o", "6= $$;$$ ", "7=back\\slash';", "8=function"));
    }

    @Test
    void h2DollarQuotesAndNestedComments() throws SQLException {
        String script = COMMON + """
                INSERT INTO t VALUES (5, $$d;o$$);
                /* outer /* inner; */ still comment; */
                INSERT INTO t VALUES (6, 'C:\\');
                -- +begin
                INSERT INTO t VALUES (7, 'block;kept')
                -- +end
                """;
        assertThat(run(TestDatabase.Kind.H2, SqlSyntax.H2, script)).containsExactlyElementsOf(
                rows("5=d;o", "6=C:\\", "7=block;kept"));
    }

    @Test
    void mariadbBackslashesHashCommentsBackticksDashRuleAndBlocks() throws SQLException {
        String script = COMMON + """
                INSERT INTO t VALUES (5, 'back\\\\slash\\';');
                # a hash comment; with a semicolon
                INSERT INTO t VALUES (6--1, "double;quoted");
                CREATE TABLE `odd;name` (`c;d` INT);
                INSERT INTO `odd;name` VALUES (1);
                /*!40101 INSERT INTO t VALUES (8, 'executable') */;
                -- +begin
                CREATE TRIGGER t_upper BEFORE INSERT ON t FOR EACH ROW
                BEGIN
                  IF NEW.id = 9 THEN
                    SET NEW.v = UPPER(NEW.v);
                  END IF;
                END;
                -- +end
                INSERT INTO t VALUES (9, 'trigger');
                /* comments /* do not nest here */ INSERT INTO t VALUES (10, 'not nested')
                """;
        assertThat(run(TestDatabase.Kind.MARIADB, SqlSyntax.MYSQL, script)).containsExactlyElementsOf(
                rows("5=back\\slash';", "7=double;quoted", "8=executable", "9=TRIGGER", "10=not nested"));
    }

    private static List<String> rows(String... more) {
        List<String> rows = new ArrayList<>(COMMON_ROWS);
        rows.addAll(List.of(more));
        return rows;
    }

    private static List<String> run(TestDatabase.Kind kind, SqlSyntax syntax, String script) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (TestDatabase db = TestDatabase.of(kind); Connection connection = db.dataSource().getConnection();
             Statement statement = connection.createStatement()) {
            for (SqlStatement sql : SqlSplitter.split(script, 1, syntax)) {
                try {
                    statement.execute(sql.sql());
                } catch (SQLException e) {
                    throw new AssertionError("line " + sql.line() + " failed: " + sql.sql(), e);
                }
            }
            try (ResultSet rs = statement.executeQuery("SELECT id, v FROM t ORDER BY id")) {
                while (rs.next()) {
                    rows.add(rs.getInt(1) + "=" + rs.getString(2));
                }
            }
        }
        return rows;
    }
}
