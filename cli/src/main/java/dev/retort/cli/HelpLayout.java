package dev.retort.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Help;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * Subcommand help in Alembic's shape: the synopsis and the option list show the command's own
 * options; the settings options every command inherits ({@code --url}, ...) follow in a
 * section of their own instead of burying them.
 */
final class HelpLayout {

    private static final String GLOBAL_OPTIONS = "globalOptions";
    private static final int WIDTH = 80;

    private HelpLayout() {
    }

    static void install(CommandLine root) {
        root.getCommandSpec().usageMessage().sortOptions(false);
        for (CommandLine sub : root.getSubcommands().values()) {
            sub.getCommandSpec().usageMessage().sortOptions(false);
            sub.getHelpSectionMap().put(CommandLine.Model.UsageMessageSpec.SECTION_KEY_SYNOPSIS, HelpLayout::synopsis);
            sub.getHelpSectionMap().put(CommandLine.Model.UsageMessageSpec.SECTION_KEY_OPTION_LIST,
                    help -> help.optionListExcludingGroups(options(help, false)));
            sub.getHelpSectionMap().put(GLOBAL_OPTIONS, help -> "%nGlobal options (also accepted before the command):%n"
                    .formatted() + help.optionListExcludingGroups(options(help, true)));
            List<String> keys = new ArrayList<>(sub.getHelpSectionKeys());
            keys.add(keys.indexOf(CommandLine.Model.UsageMessageSpec.SECTION_KEY_OPTION_LIST) + 1, GLOBAL_OPTIONS);
            sub.setHelpSectionKeys(keys);
        }
    }

    private static List<OptionSpec> options(Help help, boolean inherited) {
        return help.commandSpec().options().stream()
                .filter(option -> option.inherited() == inherited && !option.hidden())
                .toList();
    }

    private static String synopsis(Help help) {
        List<String> parts = new ArrayList<>();
        for (OptionSpec option : options(help, false)) {
            String name = option.longestName();
            for (String candidate : option.names()) {
                if (candidate.length() == 2) {
                    name = candidate;
                }
            }
            String label = option.typeInfo().isBoolean() ? name : name + " " + option.paramLabel();
            parts.add(option.required() ? label : "[" + label + "]");
        }
        parts.add("[GLOBAL-OPTIONS]");
        for (PositionalParamSpec positional : help.commandSpec().positionalParameters()) {
            String label = positional.paramLabel() + (positional.isMultiValue() ? "..." : "");
            parts.add(positional.arity().min() == 0 ? "[" + label + "]" : label);
        }
        // The "Usage: " heading is its own section, printed just before this one.
        String prefix = help.commandSpec().qualifiedName() + " ";
        StringBuilder text = new StringBuilder(prefix);
        int heading = "Usage: ".length();
        int column = heading + prefix.length();
        String indent = " ".repeat(heading + prefix.length());
        for (String part : parts) {
            if (column + part.length() > WIDTH && column > indent.length()) {
                text.setLength(text.length() - 1);
                text.append(System.lineSeparator()).append(indent);
                column = indent.length();
            }
            text.append(part).append(' ');
            column += part.length() + 1;
        }
        return text.toString().stripTrailing() + System.lineSeparator();
    }
}
