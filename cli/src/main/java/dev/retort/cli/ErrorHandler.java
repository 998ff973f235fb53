package dev.retort.cli;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.retort.RetortException;
import dev.retort.cli.output.Json;
import dev.retort.cli.settings.Masking;
import dev.retort.script.ScriptLoadException;
import dev.retort.script.ScriptProblem;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The one boundary where errors become output: a single {@code FAILED:} line on stderr (followed
 * by one line per problem when migration files have several; the stack trace too
 * with {@code --verbose}), under {@code --json} also {@code {"error": {"type", "message"}}} on
 * stdout, and the exit code: {@link ExitCodes#USAGE} for a wrong command line,
 * {@link ExitCodes#ERROR} for everything else. Passwords are masked in every message.
 */
final class ErrorHandler implements IExecutionExceptionHandler, IParameterExceptionHandler {

    private final RetortCommand root;

    ErrorHandler(RetortCommand root) {
        this.root = root;
    }

    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        CommandLine command = ex.getCommandLine();
        String name = command.getCommandSpec().qualifiedName();
        StringBuilder line = new StringBuilder(name).append(": error: ").append(usageMessage(ex));
        String owners = ex instanceof UnmatchedArgumentException unmatched ? otherCommandsTaking(unmatched) : null;
        if (owners != null) {
            // "Did you mean: --locations?" for --lock-timeout on `current` would send users astray.
            line.append(' ').append(owners);
        } else if (ex instanceof UnmatchedArgumentException unmatched && !unmatched.getSuggestions().isEmpty()) {
            // picocli lists every loosely similar name, best first; the best one is the useful hint.
            line.append(" Did you mean: ").append(unmatched.getSuggestions().get(0)).append('?');
        }
        line.append(" (see '").append(name).append(" --help')");
        String message = Masking.maskMessage(line.toString(), root.passwordToMask());
        if (Arrays.asList(args).contains("--json")) {
            printJson("UsageError", Masking.maskMessage(usageMessage(ex), root.passwordToMask()));
        }
        root.environment().err().println(message);
        return ExitCodes.USAGE;
    }

    /**
     * For an option this command lacks but other commands take ({@code current --lock-timeout}):
     * {@code "--lock-timeout is an option of upgrade, downgrade, stamp and repair only."}; given
     * before the command ({@code retort --lock-timeout 5s upgrade}), also where it goes; else null.
     */
    private static String otherCommandsTaking(UnmatchedArgumentException unmatched) {
        if (!unmatched.isUnknownOption() || unmatched.getUnmatched().isEmpty()) {
            return null;
        }
        CommandLine command = unmatched.getCommandLine();
        boolean root = command.getParent() == null;
        String option = unmatched.getUnmatched().get(0).split("=", 2)[0];
        List<String> owners = (root ? command : command.getParent()).getSubcommands().entrySet().stream()
                .filter(entry -> entry.getValue().getCommandSpec().findOption(option) != null)
                .map(Map.Entry::getKey)
                .toList();
        if (owners.isEmpty()) {
            return null;
        }
        String list = owners.size() == 1 ? owners.get(0)
                : String.join(", ", owners.subList(0, owners.size() - 1)) + " and " + owners.get(owners.size() - 1);
        return option + " is an option of " + list + " only" + (root ? ", given after the command name." : ".");
    }

    /** picocli's words, except for an unknown subcommand, which it calls an "unmatched argument". */
    private static String usageMessage(ParameterException ex) {
        if (ex instanceof UnmatchedArgumentException unmatched && !unmatched.isUnknownOption()
                && !ex.getCommandLine().getSubcommands().isEmpty() && !unmatched.getUnmatched().isEmpty()) {
            return "Unknown command '" + unmatched.getUnmatched().get(0) + "'.";
        }
        return oneLine(ex.getMessage());
    }

    @Override
    public int handleExecutionException(Exception ex, CommandLine commandLine, ParseResult parseResult) {
        String password = root.passwordToMask();
        String message = Masking.maskMessage(describe(ex), password);
        ScriptLoadException load = find(ex, ScriptLoadException.class);
        if (jsonRequested(parseResult)) {
            printJson(typeOf(ex), message, load == null ? null : problems(load, password));
        }
        PrintWriter err = root.environment().err();
        if (load != null && load.problems().size() > 1) {
            // Several file problems on one line are unreadable: the summary line, then one per problem.
            err.println("FAILED: " + Masking.maskMessage(firstLine(load.getMessage()), password));
            for (ScriptProblem problem : load.problems()) {
                err.println("  - " + Masking.maskMessage(oneLine(problem.toString()), password));
            }
        } else {
            err.println("FAILED: " + message);
        }
        if (root.verbose()) {
            StringWriter trace = new StringWriter();
            ex.printStackTrace(new PrintWriter(trace));
            err.print(Masking.maskMessage(trace.toString(), password));
        }
        return ExitCodes.ERROR;
    }

    private void printJson(String type, String message) {
        printJson(type, message, null);
    }

    private void printJson(String type, String message, List<ErrorDocument.Problem> problems) {
        PrintWriter out = root.environment().out();
        out.println(Json.write(new ErrorDocument(new ErrorDocument.Error(type, message, problems))));
    }

    private static List<ErrorDocument.Problem> problems(ScriptLoadException load, String password) {
        return load.problems().stream().map(p -> new ErrorDocument.Problem(p.location(), p.line(),
                Masking.maskMessage(oneLine(p.message()), password))).toList();
    }

    /**
     * The {@code --json} error shape of DESIGN.md; {@code problems} is added (only) for a
     * {@code ScriptLoadException}, one entry per file problem, so scripts need not parse the message.
     */
    record ErrorDocument(Error error) {
        record Error(String type, String message, @JsonInclude(JsonInclude.Include.NON_NULL) List<Problem> problems) {
        }

        /** {@code line} is 0 when the problem concerns a whole file or location. */
        record Problem(String location, int line, String message) {
        }
    }

    private static String firstLine(String message) {
        String[] lines = message.split("\\R", 2);
        return lines[0].strip();
    }

    private static boolean jsonRequested(ParseResult parseResult) {
        for (ParseResult current = parseResult; current != null; current = current.subcommand()) {
            if (current.hasMatchedOption("--json")) {
                return true;
            }
        }
        return false;
    }

    /** Retort's own exceptions are written for users; anything else gets its kind in front. */
    static String describe(Throwable ex) {
        // Retort's own exceptions, and the engine's setting checks (IllegalArgumentException),
        // are written for users already.
        if (ex instanceof RetortException || (ex instanceof IllegalArgumentException && ex.getMessage() != null)) {
            return oneLine(ex.getMessage());
        }
        SQLException sql = find(ex, SQLException.class);
        if (sql != null) {
            return "The database reported an error: " + oneLine(sql.getMessage())
                    + (sql.getSQLState() == null ? "" : " (SQL state " + sql.getSQLState() + ")");
        }
        String text = ex.getMessage() == null ? ex.getClass().getName() : ex.getClass().getSimpleName() + ": " + ex.getMessage();
        return oneLine(text) + " (run with --verbose for the stack trace)";
    }

    static String typeOf(Throwable ex) {
        if (!(ex instanceof RetortException) && find(ex, SQLException.class) != null) {
            return "DatabaseException";
        }
        return ex.getClass().getSimpleName();
    }

    private static <T extends Throwable> T find(Throwable ex, Class<T> type) {
        for (Throwable current = ex; current != null; current = current.getCause()) {
            if (type.isInstance(current)) {
                return type.cast(current);
            }
            if (current.getCause() == current) {
                break;
            }
        }
        return null;
    }

    /** Messages may span lines (drivers love that); the CLI promises one. */
    static String oneLine(String message) {
        if (message == null) {
            return "";
        }
        List<String> parts = Arrays.stream(message.split("\\R")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        return String.join(" ", parts);
    }
}
