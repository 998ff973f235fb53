package dev.retort.cli.output;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Draws the revision graph for {@code retort graph}: as an indented text tree, as a Mermaid
 * flowchart (renders in GitHub and GitLab Markdown) or as Graphviz dot. Revisions the
 * database is at are marked {@code (current)} in text and highlighted in the diagrams.
 */
public final class GraphRenderer {

    /** The output formats of {@code retort graph --format}. */
    public enum Format {
        TEXT, MERMAID, DOT
    }

    private final Map<String, RevisionView> revisions;
    private final Set<String> current;

    /**
     * @param revisions every revision, keyed by id, in load order
     * @param current   the revisions the database is at (empty when unknown)
     */
    public GraphRenderer(Map<String, RevisionView> revisions, Collection<String> current) {
        this.revisions = revisions;
        this.current = Set.copyOf(current);
    }

    public String render(Format format) {
        return switch (format) {
            case TEXT -> text();
            case MERMAID -> mermaid();
            case DOT -> dot();
        };
    }

    /**
     * A tree from the base revisions down. A merge point is drawn under its first parent and
     * referred to under the others, so every revision appears in full exactly once.
     */
    private String text() {
        StringBuilder text = new StringBuilder();
        String nl = System.lineSeparator();
        if (revisions.isEmpty()) {
            return "(no revisions)" + nl;
        }
        text.append(AlembicText.BASE).append(nl);
        Set<String> drawn = new HashSet<>();
        List<RevisionView> bases = revisions.values().stream().filter(RevisionView::base).toList();
        for (int i = 0; i < bases.size(); i++) {
            tree(bases.get(i), "", i == bases.size() - 1, drawn, text);
        }
        return text.toString();
    }

    private void tree(RevisionView revision, String indent, boolean last, Set<String> drawn, StringBuilder text) {
        String nl = System.lineSeparator();
        text.append(indent).append(last ? "└── " : "├── ");
        boolean firstVisit = drawn.add(revision.revision());
        if (!firstVisit) {
            text.append(revision.revision()).append(" (mergepoint, see above)").append(nl);
            return;
        }
        text.append(AlembicText.line(revision, false, true, false, true, current.contains(revision.revision())));
        if (!revision.message().isEmpty()) {
            text.append("  ").append(revision.message());
        }
        if (!revision.dependsOn().isEmpty()) {
            text.append("  [depends on ").append(String.join(", ", revision.dependsOn())).append(']');
        }
        text.append(nl);
        String childIndent = indent + (last ? "    " : "│   ");
        List<String> children = revision.children();
        for (int i = 0; i < children.size(); i++) {
            RevisionView child = revisions.get(children.get(i));
            if (child != null) {
                tree(child, childIndent, i == children.size() - 1, drawn, text);
            }
        }
    }

    private String mermaid() {
        String nl = System.lineSeparator();
        StringBuilder text = new StringBuilder("flowchart TD").append(nl);
        for (RevisionView revision : revisions.values()) {
            text.append("    ").append(mermaidId(revision.revision())).append("[\"")
                    .append(mermaidText(title(revision)));
            if (!revision.message().isEmpty()) {
                text.append("<br/>").append(mermaidText(revision.message()));
            }
            text.append("\"]").append(nl);
        }
        for (RevisionView revision : revisions.values()) {
            for (String parent : revision.revises()) {
                text.append("    ").append(mermaidId(parent)).append(" --> ").append(mermaidId(revision.revision()))
                        .append(nl);
            }
            for (String dependency : dependencies(revision)) {
                text.append("    ").append(mermaidId(dependency)).append(" -. depends on .-> ")
                        .append(mermaidId(revision.revision())).append(nl);
            }
        }
        List<String> marked = marked();
        if (!marked.isEmpty()) {
            text.append("    classDef current fill:#d4f7d4,stroke:#2a7a2a,stroke-width:2px").append(nl);
            text.append("    class ").append(String.join(",", marked.stream().map(GraphRenderer::mermaidId).toList()))
                    .append(" current").append(nl);
        }
        return text.toString();
    }

    private String dot() {
        String nl = System.lineSeparator();
        StringBuilder text = new StringBuilder("digraph retort {").append(nl)
                .append("    rankdir=TB;").append(nl)
                .append("    node [shape=box, fontname=\"monospace\"];").append(nl);
        for (RevisionView revision : revisions.values()) {
            text.append("    ").append(dotString(revision.revision())).append(" [label=")
                    .append(dotString(title(revision) + (revision.message().isEmpty() ? "" : "\n" + revision.message())));
            if (current.contains(revision.revision())) {
                text.append(", style=\"filled,bold\", fillcolor=\"palegreen\"");
            } else if (revision.head()) {
                text.append(", style=bold");
            }
            text.append("];").append(nl);
        }
        for (RevisionView revision : revisions.values()) {
            for (String parent : revision.revises()) {
                text.append("    ").append(dotString(parent)).append(" -> ").append(dotString(revision.revision()))
                        .append(';').append(nl);
            }
            for (String dependency : dependencies(revision)) {
                text.append("    ").append(dotString(dependency)).append(" -> ").append(dotString(revision.revision()))
                        .append(" [style=dashed, label=\"depends on\"];").append(nl);
            }
        }
        return text.append('}').append(nl).toString();
    }

    /** {@code id (label) (head) (current)}: what a diagram node's first line says. */
    private String title(RevisionView revision) {
        return AlembicText.line(revision, false, true, false, false, current.contains(revision.revision()));
    }

    private List<String> marked() {
        return revisions.keySet().stream().filter(current::contains).toList();
    }

    /** Depends-on entries as revision ids; a branch label stands for the revision that declares it. */
    private List<String> dependencies(RevisionView revision) {
        List<String> ids = new ArrayList<>();
        for (String dependency : revision.dependsOn()) {
            if (revisions.containsKey(dependency)) {
                ids.add(dependency);
            } else {
                revisions.values().stream()
                        .filter(candidate -> candidate.branchLabels().contains(dependency))
                        .findFirst()
                        .ifPresent(candidate -> ids.add(candidate.revision()));
            }
        }
        return ids;
    }

    private static String mermaidId(String revision) {
        return "r_" + revision;
    }

    private static String mermaidText(String text) {
        return text.replace("\"", "#quot;").replace("<", "#lt;").replace(">", "#gt;");
    }

    private static String dotString(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }

    /** Parses {@code --format} values case-insensitively, for messages that list the choices. */
    public static Format format(String value) {
        return Format.valueOf(value.toUpperCase(Locale.ROOT));
    }
}
