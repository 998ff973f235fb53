package dev.retort.script;

import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * New revision ids: 12 lowercase hex digits (48 bits) from {@link SecureRandom}, as Alembic
 * generates them. A secure source makes two developers on two branches practically never pick
 * the same id (a collision among 10,000 revisions has a chance of about 1 in 5.6 million).
 */
public final class RevisionIds {

    private static final SecureRandom RANDOM = new SecureRandom();

    private RevisionIds() {
    }

    /** A fresh id such as {@code 4f2a9c1b7d3e}. */
    public static String generate() {
        byte[] bytes = new byte[6];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /**
     * Whether {@code id} may name a revision: 1 to 32 letters, digits or underscores, and not
     * one of the reserved words {@code base}, {@code head}, {@code heads}, {@code current}.
     */
    public static boolean isValid(String id) {
        return id != null && CommentLines.isId(id) && !ScriptParser.RESERVED.contains(id);
    }
}
