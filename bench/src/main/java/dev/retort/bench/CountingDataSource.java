package dev.retort.bench;

import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.LongAdder;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Wraps a real DataSource and counts what costs a round trip to the server: statement
 * executions (a batch counts once), commits, rollbacks and metadata queries. It changes
 * nothing the database sees; it is how the benchmark reports round trips per revision.
 * Hand-written with {@link Proxy} because no small library counts JDBC calls.
 */
public final class CountingDataSource implements DataSource {

    private final DataSource target;
    private final LongAdder statements = new LongAdder();
    private final LongAdder commits = new LongAdder();
    private final LongAdder metadata = new LongAdder();

    public CountingDataSource(DataSource target) {
        this.target = target;
    }

    /** Round-trip counts since the last {@link #reset()}. */
    public record Counts(long statements, long commits, long metadata) {
        public long total() {
            return statements + commits + metadata;
        }
    }

    public Counts counts() {
        return new Counts(statements.sum(), commits.sum(), metadata.sum());
    }

    public void reset() {
        statements.reset();
        commits.reset();
        metadata.reset();
    }

    @Override
    public Connection getConnection() throws SQLException {
        return wrapConnection(target.getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return wrapConnection(target.getConnection(username, password));
    }

    private Connection wrapConnection(Connection connection) {
        InvocationHandler handler = (proxy, method, args) -> {
            String name = method.getName();
            if (name.equals("commit") || name.equals("rollback")) {
                commits.increment();
            }
            Object result = invoke(connection, method, args);
            if (result instanceof Statement statement) {
                return wrapStatement(statement, method.getReturnType());
            }
            if (result instanceof DatabaseMetaData meta) {
                return wrapMetadata(meta);
            }
            return result;
        };
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
                new Class<?>[] {Connection.class}, handler);
    }

    private Object wrapStatement(Statement statement, Class<?> type) {
        InvocationHandler handler = (proxy, method, args) -> {
            if (method.getName().startsWith("execute")) {
                statements.increment();
            }
            return invoke(statement, method, args);
        };
        return Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler);
    }

    private Object wrapMetadata(DatabaseMetaData meta) {
        InvocationHandler handler = (proxy, method, args) -> {
            if (java.sql.ResultSet.class.isAssignableFrom(method.getReturnType())) {
                metadata.increment();
            }
            return invoke(meta, method, args);
        };
        return Proxy.newProxyInstance(DatabaseMetaData.class.getClassLoader(),
                new Class<?>[] {DatabaseMetaData.class}, handler);
    }

    private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return target.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        target.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        target.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return target.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() {
        return Logger.getLogger("dev.retort.bench");
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        if (iface.isInstance(target)) {
            return iface.cast(target);
        }
        return target.unwrap(iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) throws SQLException {
        return iface.isInstance(target) || target.isWrapperFor(iface);
    }
}
