package dev.retort;

/**
 * An applied revision whose migration file changed since it was applied.
 *
 * @param revision the revision id
 * @param location the file as it is now ({@code classpath:db/migrations/ae10_x.sql} or a path)
 * @param stored   the checksum recorded when it was applied
 * @param current  the file's checksum now
 */
public record ChecksumMismatch(String revision, String location, String stored, String current) {

    /** {@code ae10 (classpath:db/migrations/ae10_x.sql): applied with checksum 1a2b..., the file now has 3c4d...}. */
    public String describe() {
        return revision + " (" + location + "): applied with checksum " + stored + ", the file now has " + current;
    }
}
