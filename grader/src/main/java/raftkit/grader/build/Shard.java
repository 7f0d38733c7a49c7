package raftkit.grader.build;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;

/**
 * One of {@code count} disjoint parts of a class, numbered from 0 like a Slurm array task or a Kubernetes
 * completion index. A submission belongs to the shard its name hashes to, so the assignment depends on nothing
 * but the name: a rerun of a shard grades the same submissions, and adding a student moves no one else.
 *
 * @param index this shard, {@code 0 <= index < count}
 * @param count how many shards the class is cut into
 */
public record Shard(int index, int count) {

    /** The whole class: the shard of an ordinary, unsharded batch. */
    public static final Shard WHOLE = new Shard(0, 1);

    /** The engines' index variables, in the order {@code auto} tries them. */
    static final List<String> INDEX_VARIABLES = List.of("SLURM_ARRAY_TASK_ID", "JOB_COMPLETION_INDEX");

    public Shard {
        if (count < 1) {
            throw new IllegalArgumentException("a class cannot be cut into " + count + " shards");
        }
        if (index < 0 || index >= count) {
            throw new IllegalArgumentException("shard " + index + " is out of range: with " + count
                    + " shards, K is 0 to " + (count - 1));
        }
    }

    /**
     * Parses {@code K/N}, or {@code auto/N} with K read from {@code environment} ({@link #INDEX_VARIABLES}).
     *
     * @throws IllegalArgumentException with a message for the user when the text or the index is wrong
     */
    public static Shard parse(String text, Map<String, String> environment) {
        String[] halves = text.trim().split("/", -1);
        if (halves.length != 2) {
            throw new IllegalArgumentException("--shard takes K/N or auto/N (K from 0 to N-1), not '" + text + "'");
        }
        int count = number(halves[1], "N", text);
        if (!halves[0].equals("auto")) {
            return new Shard(number(halves[0], "K", text), count);
        }
        for (String variable : INDEX_VARIABLES) {
            String value = environment.get(variable);
            if (value != null && !value.isBlank()) {
                int index = number(value, variable, text);
                if (index >= count) {
                    throw new IllegalArgumentException(variable + " is " + index + ", out of range for --shard "
                            + text + " (0 to " + (count - 1) + "); does the array have more tasks than shards?");
                }
                return new Shard(index, count);
            }
        }
        throw new IllegalArgumentException("--shard " + text + " needs the shard number from " + String.join(" or ",
                INDEX_VARIABLES) + ", and neither is set; outside a Slurm array or an Indexed Job give K/N");
    }

    private static int number(String digits, String what, String text) {
        try {
            int n = Integer.parseInt(digits.trim());
            if (n >= 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(what + " in --shard " + text + " must be a whole number, not '" + digits
                + "'");
    }

    /** The shard that grades {@code name} when the class is cut into {@code count}. */
    public static Shard of(String name, int count) {
        CRC32 crc = new CRC32();
        crc.update(name.getBytes(StandardCharsets.UTF_8));
        return new Shard((int) (crc.getValue() % count), count);
    }

    public boolean owns(String name) {
        return of(name, count).equals(this);
    }

    /** The submissions of this shard, in the given order. */
    public List<Submission> select(List<Submission> all) {
        return all.stream().filter(s -> owns(s.name())).toList();
    }

    public boolean isWhole() {
        return count == 1;
    }

    /** As the user writes it: {@code 2/8}. */
    @Override
    public String toString() {
        return index + "/" + count;
    }
}
