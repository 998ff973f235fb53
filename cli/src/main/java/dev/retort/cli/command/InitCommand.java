package dev.retort.cli.command;

import dev.retort.cli.ExitCodes;
import dev.retort.cli.settings.Masking;
import dev.retort.cli.settings.SettingsException;
import dev.retort.cli.settings.SettingsResolver;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Command;

/**
 * {@code retort init}: creates the migrations folder and a commented {@code retort.properties}
 * in the working folder. Never overwrites: an existing retort.properties is an error.
 */
@Command(name = "init",
        description = "Initialize a project: create the migrations folder and a retort.properties.",
        parameterListHeading = "%nPositional arguments:%n",
        optionListHeading = "%nOptions:%n",
        footerHeading = "%n",
        footer = {"--url, --user and --locations given to init are written into retort.properties;",
                "a password never is (set RETORT_PASSWORD instead)."})
public final class InitCommand extends SubCommand {

    @Override
    protected int run() {
        Path workingDirectory = environment().workingDirectory();
        Path properties = workingDirectory.resolve(SettingsResolver.PROPERTIES_FILE);
        if (Files.exists(properties)) {
            throw new SettingsException(properties + " already exists; retort init does not overwrite it. "
                    + "Edit it, or delete it and run retort init again.");
        }
        Map<String, String> flags = root().flags();
        String url = flags.get("url");
        if (Masking.hasPassword(url)) {
            throw new SettingsException("The --url given to retort init contains a password, and retort init does "
                    + "not write passwords into " + SettingsResolver.PROPERTIES_FILE
                    + "; pass the URL without it and set RETORT_PASSWORD.");
        }
        Path folder = workspace().writableFolder();
        try {
            if (Files.isDirectory(folder)) {
                out().println("Directory " + folder + " already exists, keeping it");
            } else {
                out().print("Creating directory " + folder + " ...");
                Files.createDirectories(folder);
                out().println("  done");
            }
            out().print("Generating " + properties + " ...");
            Files.writeString(properties, template(url, flags.get("user"), flags.get("locations"), flags),
                    StandardCharsets.UTF_8);
            out().println("  done");
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create " + folder + " or " + properties + ": " + e.getMessage(), e);
        }
        out().println("Please edit the connection settings in '" + properties + "' before proceeding.");
        out().println("Then: retort revision -m \"create first table\"");
        return ExitCodes.OK;
    }

    private static String template(String url, String user, String locations, Map<String, String> flags) {
        String nl = System.lineSeparator();
        StringBuilder text = new StringBuilder();
        text.append("# Settings for the retort command line (see docs/cli.md).").append(nl)
                .append("# Precedence: flags (--url, ...), then RETORT_URL, RETORT_USER, RETORT_PASSWORD,").append(nl)
                .append("# RETORT_SCHEMA, RETORT_LOCATIONS, then this file, then spring.datasource.* and").append(nl)
                .append("# retort.* in src/main/resources/application.properties (or application.yml).").append(nl)
                .append(nl)
                .append("# JDBC URL of the database to migrate.").append(nl)
                .append(url == null ? "#url=jdbc:postgresql://localhost:5432/app" : "url=" + url).append(nl)
                .append(nl)
                .append("# Database user.").append(nl)
                .append(user == null ? "#user=app" : "user=" + user).append(nl)
                .append(nl)
                .append("# Keep passwords out of this file: set RETORT_PASSWORD in the environment instead.").append(nl)
                .append("#password=").append(nl)
                .append(nl)
                .append("# Schema of the version tables (default: the connection's current schema).").append(nl)
                .append(value(flags, "schema", "#schema=public")).append(nl)
                .append(nl)
                .append("# Comma-separated migration folders (relative to this folder), or classpath:/filesystem:").append(nl)
                .append("# locations. New revisions are written to the first folder.").append(nl)
                .append("locations=").append(locations == null ? SettingsResolver.DEFAULT_LOCATION : locations).append(nl)
                .append(nl)
                .append("# postgresql, h2, mysql or mariadb (default: detected from the connection; --sql needs it).").append(nl)
                .append(value(flags, "dialect", "#dialect=postgresql")).append(nl)
                .append(nl)
                .append("# Names of the version and history tables.").append(nl)
                .append(value(flags, "version-table", "#version-table=retort_version")).append(nl)
                .append(value(flags, "history-table", "#history-table=retort_history")).append(nl)
                .append(nl)
                .append("# How long upgrade, downgrade, stamp and repair wait for another migrator's lock").append(nl)
                .append("# (500ms, 30s, 2m, PT30S; default 60s).").append(nl)
                .append("#lock-timeout=60s").append(nl);
        return text.toString();
    }

    private static String value(Map<String, String> flags, String key, String commented) {
        return flags.containsKey(key) ? key + "=" + flags.get(key) : commented;
    }
}
