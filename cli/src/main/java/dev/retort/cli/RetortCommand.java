package dev.retort.cli;

import dev.retort.cli.command.BranchesCommand;
import dev.retort.cli.command.CheckCommand;
import dev.retort.cli.command.CurrentCommand;
import dev.retort.cli.command.DowngradeCommand;
import dev.retort.cli.command.GraphCommand;
import dev.retort.cli.command.HeadsCommand;
import dev.retort.cli.command.HistoryCommand;
import dev.retort.cli.command.InitCommand;
import dev.retort.cli.command.MergeCommand;
import dev.retort.cli.command.RepairCommand;
import dev.retort.cli.command.RevisionCommand;
import dev.retort.cli.command.ShowCommand;
import dev.retort.cli.command.StampCommand;
import dev.retort.cli.command.UpgradeCommand;
import dev.retort.cli.command.ValidateCommand;
import dev.retort.cli.settings.DialectNames;
import dev.retort.cli.settings.Settings;
import dev.retort.cli.settings.SettingsResolver;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/**
 * The top-level {@code retort} command. Its settings options are inherited: they may be given
 * before or after the subcommand ({@code retort --url X upgrade} or {@code retort upgrade --url X})
 * and always land here, where {@link #workspace(Map)} resolves them once, together with the
 * settings options only some subcommands take ({@code --lock-timeout}).
 */
@Command(name = "retort",
        mixinStandardHelpOptions = true,
        versionProvider = RetortCommand.Version.class,
        synopsisSubcommandLabel = "COMMAND",
        headerHeading = "",
        description = {
                "Schema migrations as a graph of revisions, the Alembic way: write SQL revisions,",
                "then upgrade, downgrade, branch, merge and stamp the database."},
        commandListHeading = "%nCommands:%n",
        optionListHeading = "%nOptions:%n",
        footerHeading = "%n",
        footer = {
                "Settings come from the flags, then RETORT_URL, RETORT_USER, RETORT_PASSWORD,",
                "RETORT_SCHEMA, RETORT_LOCATIONS, then retort.properties in this folder, then",
                "spring.datasource.* and retort.* in src/main/resources/application.properties",
                "(or application.yml).",
                "Exit codes: 0 success, 1 error, 2 usage error, 3 'check' found work to do.",
                "Run 'retort COMMAND --help' for a command's options."},
        subcommands = {
                InitCommand.class, RevisionCommand.class, UpgradeCommand.class, DowngradeCommand.class,
                CurrentCommand.class, HeadsCommand.class, BranchesCommand.class, HistoryCommand.class,
                ShowCommand.class, StampCommand.class, MergeCommand.class, CheckCommand.class,
                ValidateCommand.class, RepairCommand.class, GraphCommand.class})
public final class RetortCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--url", scope = ScopeType.INHERIT, paramLabel = "URL", order = 1,
            description = "JDBC URL of the database.")
    private String url;

    @Option(names = "--user", scope = ScopeType.INHERIT, paramLabel = "USER", order = 2,
            description = "Database user.")
    private String user;

    @Option(names = "--password", scope = ScopeType.INHERIT, paramLabel = "PASSWORD", order = 3,
            description = "Database password (prefer RETORT_PASSWORD: flags show up in the shell history).")
    private String password;

    @Option(names = "--schema", scope = ScopeType.INHERIT, paramLabel = "SCHEMA", order = 4,
            description = "Schema to migrate, where the version tables live too (default: the connection's current schema).")
    private String schema;

    @Option(names = "--locations", scope = ScopeType.INHERIT, paramLabel = "LOCATIONS", order = 5,
            description = "Comma-separated migration folders or classpath: and filesystem: "
                    + "locations (default: " + SettingsResolver.DEFAULT_LOCATION + ").")
    private String locations;

    @Option(names = "--dialect", scope = ScopeType.INHERIT, paramLabel = "DIALECT", order = 6,
            converter = DialectFlag.class,
            description = "postgresql, h2, mysql or mariadb (default: detected from the connection).")
    private String dialect;

    @Option(names = "--version-table", scope = ScopeType.INHERIT, paramLabel = "TABLE", order = 7,
            description = "Name of the version table (default: retort_version).")
    private String versionTable;

    @Option(names = "--history-table", scope = ScopeType.INHERIT, paramLabel = "TABLE", order = 8,
            description = "Name of the history table (default: retort_history).")
    private String historyTable;

    @Option(names = "--verbose", scope = ScopeType.INHERIT, order = 9,
            description = "More detail; on errors, the stack trace too.")
    private boolean verbose;

    private final CliEnvironment environment;
    private Workspace workspace;

    RetortCommand(CliEnvironment environment) {
        this.environment = environment;
    }

    /** Without a subcommand there is nothing to do: show the usage and say so, as Alembic does. */
    @Override
    public Integer call() {
        spec.commandLine().usage(environment.err());
        environment.err().println("retort: error: a command is required (e.g. 'retort upgrade head').");
        return ExitCodes.USAGE;
    }

    public CliEnvironment environment() {
        return environment;
    }

    public boolean verbose() {
        return verbose;
    }

    /**
     * The settings of this run (resolved on first use) and what they give access to.
     *
     * @param commandFlags settings given as options of the subcommand itself ({@code lock-timeout}),
     *                     keyed like {@link #flags()}
     */
    public Workspace workspace(Map<String, String> commandFlags) {
        if (workspace == null) {
            Map<String, String> flags = flags();
            commandFlags.forEach((key, value) -> {
                if (value != null && !value.isBlank()) {
                    flags.put(key, value);
                }
            });
            Settings settings = new SettingsResolver(environment.workingDirectory(), environment.variables())
                    .resolve(flags);
            workspace = new Workspace(environment, settings);
            if (verbose) {
                // Where each setting came from is the first question when the CLI reaches the
                // wrong database; stderr keeps --json output clean.
                environment.err().println("Settings: url=" + (settings.url() == null ? "(none)" : settings.maskedUrl() + " from " + settings.sourceOf("url"))
                        + (settings.user() == null ? "" : "; user=" + settings.user() + " from " + settings.sourceOf("user"))
                        + (settings.password() == null ? "" : "; password=*** from " + settings.sourceOf("password"))
                        + "; locations=" + settings.describeLocations()
                        + (settings.lockTimeout() == null ? ""
                                : "; lock-timeout=" + settings.describe("lock-timeout", settings.lockTimeout().toString())));
            }
        }
        return workspace;
    }

    /** The settings given as flags, keyed by setting key ({@code url}, {@code version-table}, ...). */
    public Map<String, String> flags() {
        Map<String, String> flags = new HashMap<>();
        flags.put("url", url);
        flags.put("user", user);
        flags.put("password", password);
        flags.put("schema", schema);
        flags.put("locations", locations);
        flags.put("dialect", dialect);
        flags.put("version-table", versionTable);
        flags.put("history-table", historyTable);
        // An empty flag (--url "") counts as not given, as an empty RETORT_URL does.
        flags.values().removeIf(value -> value == null || value.isBlank());
        return flags;
    }

    /**
     * The password to hide in error messages: the flag's, or the one the settings resolved
     * to if they got that far. Never printed.
     */
    String passwordToMask() {
        if (workspace != null) {
            return workspace.settings().password();
        }
        return password != null ? password : environment.variables().get(SettingsResolver.variableName("password"));
    }

    /**
     * Checks {@code --dialect} as the command line is parsed, so that a name the engine does not
     * know is a usage error (exit code 2) naming the option, as a bad {@code --lock-timeout} is,
     * before any command touches the database. An empty value counts as not given ({@link #flags()}).
     */
    static final class DialectFlag implements ITypeConverter<String> {
        @Override
        public String convert(String value) {
            if (value.isBlank()) {
                return value;
            }
            try {
                return DialectNames.check(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    /** The version from the jar (filtered into version.properties at build time). */
    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() {
            Properties properties = new Properties();
            try (InputStream in = RetortCommand.class.getResourceAsStream("version.properties")) {
                if (in != null) {
                    properties.load(in);
                }
            } catch (IOException e) {
                // Without the resource the version is simply unknown; that is not worth failing --version for.
            }
            return new String[] {"retort " + properties.getProperty("version", "(unknown version)")};
        }
    }
}
