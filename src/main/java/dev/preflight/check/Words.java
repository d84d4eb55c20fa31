package dev.preflight.check;

import java.time.Duration;
import java.util.List;

/** How checks put numbers, sizes and lists in words. */
final class Words {

    private static final long KIB = 1024;
    private static final long MIB = KIB * KIB;

    private Words() {
    }

    /** "10 s", "1500 ms". */
    static String duration(Duration duration) {
        long millis = duration.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
    }

    /** "1 MiB", "64 KiB", "1000 bytes". */
    static String size(long bytes) {
        if (bytes >= MIB && bytes % MIB == 0) {
            return bytes / MIB + " MiB";
        }
        if (bytes >= KIB && bytes % KIB == 0) {
            return bytes / KIB + " KiB";
        }
        return bytes + (bytes == 1 ? " byte" : " bytes");
    }

    /** "a", "a or b", "a, b or c". */
    static String either(List<String> words) {
        if (words.size() < 2) {
            return String.join("", words);
        }
        return String.join(", ", words.subList(0, words.size() - 1)) + " or " + words.get(words.size() - 1);
    }

    /** "a", "a and b", "a, b and c". */
    static String all(List<String> words) {
        if (words.size() < 2) {
            return String.join("", words);
        }
        return String.join(", ", words.subList(0, words.size() - 1)) + " and " + words.get(words.size() - 1);
    }

    /** A number as written: 20 rather than 20.0. */
    static String number(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value) : Double.toString(value);
    }
}
