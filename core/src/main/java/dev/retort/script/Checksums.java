package dev.retort.script;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The checksum recorded for an applied revision: SHA-256 of the file's bytes after line
 * endings are normalised to {@code \n} and a leading UTF-8 byte order mark is removed, as
 * lowercase hex. Normalising means that a checkout with Windows line endings, or an editor
 * that adds a BOM, does not look like an edited migration; any other change does.
 */
public final class Checksums {

    private static final byte CR = '\r';
    private static final byte LF = '\n';

    /**
     * One digest per thread: {@link MessageDigest#getInstance} looks the algorithm up among the
     * security providers on every call, which costs more than hashing a small migration file.
     */
    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(Checksums::newDigest);

    private static final HexFormat HEX = HexFormat.of();

    private static final AtomicBoolean PREPARING = new AtomicBoolean();

    private Checksums() {
    }

    /** The normalised SHA-256 of {@code content}, 64 lowercase hex digits. */
    public static String sha256(byte[] content) {
        return sha256OfNormalised(normalise(content));
    }

    /** The SHA-256 of bytes that {@link #normalise} already returned, as lowercase hex. */
    static String sha256OfNormalised(byte[] normalised) {
        MessageDigest digest = SHA_256.get();
        digest.reset();
        return HEX.formatHex(digest.digest(normalised));
    }

    /**
     * Starts the JVM's one-time security provider set-up on a daemon thread, once per JVM. The
     * first {@link MessageDigest#getInstance} reads the {@code java.security} file and registers
     * every algorithm of the SUN provider: about 20 ms in a fresh JVM, which a load would
     * otherwise wait for at its first file. Started before the files are listed and read, it is
     * done by the time they are parsed; a digest asked for earlier waits for it, no set-up runs twice.
     */
    static void prepareInBackground() {
        if (!PREPARING.compareAndSet(false, true)) {
            return;
        }
        Thread thread = new Thread(() -> {
            try {
                newDigest();
            } catch (RuntimeException e) {
                // Not available: the first checksum reports it where it is needed.
            }
        }, "retort-checksum-setup");
        thread.setDaemon(true);
        thread.start();
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            // Every Java platform must provide SHA-256 (MessageDigest's Javadoc), so this cannot happen.
            throw new IllegalStateException("SHA-256 is not available in this JVM", e);
        }
    }

    /**
     * The bytes the checksum is taken of: no UTF-8 BOM, CRLF and lone CR turned into LF. Returns
     * {@code content} itself when there is nothing to change (the usual case), so callers must
     * not modify the result.
     */
    static byte[] normalise(byte[] content) {
        int start = hasBom(content) ? 3 : 0;
        int firstCr = indexOfCr(content, start);
        if (firstCr < 0) {
            return start == 0 ? content : Arrays.copyOfRange(content, start, content.length);
        }
        byte[] out = new byte[content.length - start];
        int length = firstCr - start;
        System.arraycopy(content, start, out, 0, length);
        for (int i = firstCr; i < content.length; i++) {
            byte b = content[i];
            if (b == CR) {
                out[length++] = LF;
                if (i + 1 < content.length && content[i + 1] == LF) {
                    i++;
                }
            } else {
                out[length++] = b;
            }
        }
        return length == out.length ? out : Arrays.copyOf(out, length);
    }

    private static int indexOfCr(byte[] content, int from) {
        for (int i = from; i < content.length; i++) {
            if (content[i] == CR) {
                return i;
            }
        }
        return -1;
    }

    static boolean hasBom(byte[] content) {
        return content.length >= 3 && (content[0] & 0xFF) == 0xEF && (content[1] & 0xFF) == 0xBB
                && (content[2] & 0xFF) == 0xBF;
    }
}
