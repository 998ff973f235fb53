package dev.retort.cli;

import dev.retort.MigrationListener;
import dev.retort.Retort;
import dev.retort.cli.settings.Settings;
import dev.retort.cli.settings.SettingsException;
import dev.retort.cli.settings.SettingsResolver;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * What one CLI run works with: its resolved settings, the project folder, and, on demand, a
 * checked database connection.
 */
public final class Workspace {

    private final CliEnvironment environment;
    private final Settings settings;
    private DataSource dataSource;
    private ClassLoader classLoader;

    Workspace(CliEnvironment environment, Settings settings) {
        this.environment = environment;
        this.settings = settings;
    }

    public Settings settings() {
        return settings;
    }

    public Path workingDirectory() {
        return environment.workingDirectory();
    }

    /**
     * The folder new revision files go to: the first {@code filesystem:} location, or else the
     * first {@code classpath:} location read as a folder under the project's
     * {@code src/main/resources} (where such files live before the build copies them).
     */
    public Path writableFolder() {
        for (String location : settings.locations()) {
            if (location.startsWith("filesystem:")) {
                return Path.of(location.substring("filesystem:".length()));
            }
        }
        String first = settings.locations().get(0);
        String path = first.substring("classpath:".length()).replaceFirst("^/+", "");
        return workingDirectory().resolve(SettingsResolver.RESOURCES_FOLDER).resolve(path).normalize();
    }

    /**
     * The class loader {@code classpath:} locations are read with: the project's
     * {@code src/main/resources} first, so that {@code classpath:db/migrations} from
     * application.properties means the project's files, not the CLI's.
     */
    public ClassLoader classLoader() {
        if (classLoader == null) {
            Path resources = workingDirectory().resolve(SettingsResolver.RESOURCES_FOLDER);
            ClassLoader parent = RetortCli.class.getClassLoader();
            if (Files.isDirectory(resources)) {
                try {
                    classLoader = new ChildFirstResources(new URL[] {resources.toUri().toURL()}, parent);
                } catch (MalformedURLException e) {
                    throw new SettingsException("Cannot read resources from " + resources + ": " + e.getMessage());
                }
            } else {
                classLoader = parent;
            }
        }
        return classLoader;
    }

    /**
     * The engine for this run, built from the settings: with a checked DataSource when
     * {@code online}, without one (scripts, graph and offline SQL only) otherwise.
     *
     * @param listener progress callbacks, or null
     */
    public Retort retort(boolean online, MigrationListener listener) {
        requireFolders();
        Retort.Builder builder = Retort.builder()
                .locations(settings.locations())
                .classLoader(classLoader());
        if (settings.schema() != null) {
            builder.schema(settings.schema());
        }
        if (settings.versionTable() != null) {
            builder.versionTable(settings.versionTable());
        }
        if (settings.historyTable() != null) {
            builder.historyTable(settings.historyTable());
        }
        if (settings.dialect() != null) {
            builder.dialect(settings.dialect());
        }
        if (settings.lockTimeout() != null) {
            builder.lockTimeout(settings.lockTimeout());
        }
        if (listener != null) {
            builder.listener(listener);
        }
        if (online) {
            builder.dataSource(dataSource());
        }
        return builder.build();
    }

    /**
     * The dialect offline SQL is written for: {@code --dialect} (or its other sources), else
     * the one the configured URL names; nothing is connected to.
     */
    public String offlineDialect() {
        if (settings.dialect() != null) {
            return settings.dialect();
        }
        String url = settings.url() == null ? "" : settings.url().toLowerCase(Locale.ROOT);
        for (Map.Entry<String, String> prefix : Map.of("jdbc:postgresql:", "postgresql", "jdbc:h2:", "h2",
                "jdbc:mariadb:", "mariadb", "jdbc:mysql:", "mysql").entrySet()) {
            if (url.startsWith(prefix.getKey())) {
                return prefix.getValue();
            }
        }
        throw new SettingsException("Offline SQL (--sql) needs a dialect and never connects: pass --dialect "
                + "postgresql, h2, mysql or mariadb" + (settings.url() == null ? "" : " (the URL "
                + settings.maskedUrl() + " names none of them)") + ".");
    }

    /**
     * Missing migration folders fail here, with the CLI's way out ({@code retort init}),
     * before the engine reports them as a load problem.
     */
    /** Where the locations came from, for messages: {@code "locations from --locations"}, {@code "the default location"}. */
    public String locationsSource() {
        String source = settings.sourceOf("locations");
        return source.equals("default") ? "the default location" : "locations from " + source;
    }

    public void requireFolders() {
        for (String location : settings.locations()) {
            if (location.startsWith("filesystem:")) {
                Path folder = Path.of(location.substring("filesystem:".length()));
                if (!Files.isDirectory(folder)) {
                    throw new SettingsException("Migrations folder " + folder + " (" + locationsSource() + ") "
                            + (Files.exists(folder) ? "is not a folder" : "does not exist")
                            + "; run 'retort init' to create it, or point --locations at your migrations.");
                }
            }
        }
    }

    /** Whether a database URL is configured anywhere. */
    public boolean hasDatabase() {
        return settings.url() != null;
    }

    /**
     * A DataSource on the configured database, checked by opening one connection so that an
     * unreachable server or wrong credentials fail here with one clear line.
     */
    public DataSource dataSource() {
        if (dataSource == null) {
            if (settings.url() == null) {
                throw new ConnectionException("No database URL configured: pass --url, set RETORT_URL, add url= to "
                        + SettingsResolver.PROPERTIES_FILE + ", or set spring.datasource.url in "
                        + SettingsResolver.RESOURCES_FOLDER + "/application.properties.");
            }
            DriverManagerDataSource candidate = new DriverManagerDataSource(settings.url());
            if (settings.user() != null) {
                candidate.setUsername(settings.user());
            }
            if (settings.password() != null) {
                candidate.setPassword(settings.password());
            }
            try (Connection connection = candidate.getConnection()) {
                connection.isValid(5);
            } catch (SQLException e) {
                throw new ConnectionException(connectFailure(e), e);
            }
            dataSource = candidate;
        }
        return dataSource;
    }

    private String connectFailure(SQLException e) {
        String where = settings.maskedUrl() + " (URL from " + settings.sourceOf("url") + ")";
        String reason = ErrorHandler.oneLine(e.getMessage());
        if (reason.startsWith("No suitable driver")) {
            return "No JDBC driver accepts " + where + "; retort ships drivers for jdbc:postgresql:, jdbc:h2: and "
                    + "jdbc:mariadb: URLs (use jdbc:mariadb: for MySQL too).";
        }
        String user = settings.user() == null ? "" : " as user '" + settings.user() + "' (from " + settings.sourceOf("user") + ")";
        return "Could not connect to " + where + user + ": " + reason
                + (e.getSQLState() == null ? "" : " (SQL state " + e.getSQLState() + ")");
    }

    /**
     * Resources from the project before the CLI's own, so a project's db/migrations wins over
     * anything of the same name inside the CLI jar. Classes still come from the parent.
     */
    private static final class ChildFirstResources extends URLClassLoader {

        ChildFirstResources(URL[] urls, ClassLoader parent) {
            super(urls, parent);
        }

        @Override
        public URL getResource(String name) {
            URL own = findResource(name);
            return own != null ? own : super.getResource(name);
        }
    }
}
