package dev.retort.script;

import java.io.ByteArrayOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The checksum recorded for an applied revision: SHA-256 of the file's bytes after line
 * endings are normalised to {@code \n} and a leading UTF-8 byte order mark is removed, as
 * lowercase hex. Normalising means that a checkout with Windows line endings, or an editor
 * that adds a BOM, does not look like an edited migration; any other change does.
 */
public final class Checksums {

    private static final byte CR = '\r';
    private static final byte LF = '\n';

    private Checksums() {
    }

    /** The normalised SHA-256 of {@code content}, 64 lowercase hex digits. */
    public static String sha256(byte[] content) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(normalise(content)));
        } catch (NoSuchAlgorithmException e) {
            // Every Java platform must provide SHA-256 (MessageDigest's Javadoc), so this cannot happen.
            throw new IllegalStateException("SHA-256 is not available in this JVM", e);
        }
    }

    /** The bytes the checksum is taken of: no UTF-8 BOM, CRLF and lone CR turned into LF. */
    static byte[] normalise(byte[] content) {
        int start = hasBom(content) ? 3 : 0;
        ByteArrayOutputStream out = new ByteArrayOutputStream(content.length);
        for (int i = start; i < content.length; i++) {
            byte b = content[i];
            if (b == CR) {
                out.write(LF);
                if (i + 1 < content.length && content[i + 1] == LF) {
                    i++;
                }
            } else {
                out.write(b);
            }
        }
        return out.toByteArray();
    }

    static boolean hasBom(byte[] content) {
        return content.length >= 3 && (content[0] & 0xFF) == 0xEF && (content[1] & 0xFF) == 0xBB
                && (content[2] & 0xFF) == 0xBF;
    }
}
