package dev.retort.graph;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The order in which Python iterates a set of strings, reproduced so that Retort walks a
 * revision's {@code depends-on} entries in the same order as Alembic.
 *
 * <p>Why this exists: Alembic keeps the dependencies that remain after dropping those an
 * ancestor already declares as {@code tuple(set(...))}, so when a revision depends on two or
 * more revisions on independent branches, which branch Alembic's planner walks (and therefore
 * applies) first follows Python's string hashing. The answers Retort is checked against were
 * recorded with {@code PYTHONHASHSEED=0}, which disables hash randomisation: CPython then hashes
 * a string with SipHash-1-3 under an all-zero key, and a small set places each key at
 * {@code hash & mask}, probing linearly and then by the perturbed recurrence of CPython's
 * {@code setobject.c}. Any order would be valid; this one makes the plans identical to
 * Alembic's. Only used for revisions with two or more such dependencies. Ids are ASCII (the
 * graph validates them), so the hashed bytes are the characters themselves.
 */
final class PythonSetOrder {

    private static final int LINEAR_PROBES = 9;
    private static final int PERTURB_SHIFT = 5;
    private static final int MIN_SIZE = 8;

    private PythonSetOrder() {
    }

    /** {@code list(set(items))} as CPython 3.11 would iterate it with {@code PYTHONHASHSEED=0}. */
    static List<String> order(List<String> items) {
        String[] table = new String[MIN_SIZE];
        long[] hashes = new long[MIN_SIZE];
        int fill = 0;
        for (String key : items) {
            if (contains(table, key)) {
                continue;
            }
            insert(table, hashes, key, hash(key));
            fill++;
            if (!((long) fill * 5 < (long) (table.length - 1) * 3)) {
                int size = MIN_SIZE;
                while (size <= fill * 4) {
                    size <<= 1;
                }
                String[] oldTable = table;
                long[] oldHashes = hashes;
                table = new String[size];
                hashes = new long[size];
                for (int k = 0; k < oldTable.length; k++) {
                    if (oldTable[k] != null) {
                        insert(table, hashes, oldTable[k], oldHashes[k]);
                    }
                }
            }
        }
        List<String> result = new ArrayList<>(fill);
        for (String s : table) {
            if (s != null) {
                result.add(s);
            }
        }
        return result;
    }

    private static boolean contains(String[] table, String key) {
        for (String s : table) {
            if (key.equals(s)) {
                return true;
            }
        }
        return false;
    }

    private static void insert(String[] table, long[] hashes, String key, long hash) {
        long mask = table.length - 1;
        long i = hash & mask;
        long perturb = hash;
        while (true) {
            int probes = i + LINEAR_PROBES <= mask ? LINEAR_PROBES : 0;
            for (int j = 0; j <= probes; j++) {
                int slot = (int) (i + j);
                if (table[slot] == null) {
                    table[slot] = key;
                    hashes[slot] = hash;
                    return;
                }
            }
            perturb >>>= PERTURB_SHIFT;
            i = (i * 5 + 1 + perturb) & mask;
        }
    }

    /** CPython's {@code hash(str)} for an ASCII string with hash randomisation disabled. */
    static long hash(String s) {
        if (s.isEmpty()) {
            return 0;
        }
        long h = siphash13(s.getBytes(StandardCharsets.ISO_8859_1));
        return h == -1L ? -2L : h;
    }

    private static long siphash13(byte[] data) {
        long b = ((long) data.length) << 56;
        long v0 = 0x736f6d6570736575L;
        long v1 = 0x646f72616e646f6dL;
        long v2 = 0x6c7967656e657261L;
        long v3 = 0x7465646279746573L;
        int i = 0;
        while (data.length - i >= 8) {
            long m = littleEndian(data, i, 8);
            i += 8;
            v3 ^= m;
            long[] v = round(v0, v1, v2, v3);
            v0 = v[0] ^ m;
            v1 = v[1];
            v2 = v[2];
            v3 = v[3];
        }
        b |= littleEndian(data, i, data.length - i);
        v3 ^= b;
        long[] v = round(v0, v1, v2, v3);
        v0 = v[0] ^ b;
        v1 = v[1];
        v2 = v[2] ^ 0xffL;
        v3 = v[3];
        for (int r = 0; r < 3; r++) {
            v = round(v0, v1, v2, v3);
            v0 = v[0];
            v1 = v[1];
            v2 = v[2];
            v3 = v[3];
        }
        return (v0 ^ v1) ^ (v2 ^ v3);
    }

    private static long[] round(long v0, long v1, long v2, long v3) {
        v0 += v1;
        v2 += v3;
        v1 = Long.rotateLeft(v1, 13) ^ v0;
        v3 = Long.rotateLeft(v3, 16) ^ v2;
        v0 = Long.rotateLeft(v0, 32);
        v2 += v1;
        v0 += v3;
        v1 = Long.rotateLeft(v1, 17) ^ v2;
        v3 = Long.rotateLeft(v3, 21) ^ v0;
        v2 = Long.rotateLeft(v2, 32);
        return new long[] {v0, v1, v2, v3};
    }

    private static long littleEndian(byte[] data, int from, int count) {
        long value = 0;
        for (int k = count - 1; k >= 0; k--) {
            value = (value << 8) | (data[from + k] & 0xffL);
        }
        return value;
    }
}
