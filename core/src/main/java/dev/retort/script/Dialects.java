package dev.retort.script;

import java.util.List;

/** The dialect names a section marker may carry, in the order messages list them. */
final class Dialects {

    static final List<String> KNOWN = List.of("postgresql", "h2", "mysql", "mariadb");

    private Dialects() {
    }
}
