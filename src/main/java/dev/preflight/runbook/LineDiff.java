package dev.preflight.runbook;

import java.util.ArrayList;
import java.util.List;

/** A line-by-line comparison of two texts (longest common subsequence), for comparing runbook revisions. */
public final class LineDiff {

    /** One line of the comparison: kept, added (in the newer text only) or removed (in the older only). */
    public record Line(String change, String text) {
    }

    /** Beyond this many lines on either side the texts are compared as wholes. */
    static final int MAX_LINES = 2000;

    private LineDiff() {
    }

    public static List<Line> between(String older, String newer) {
        String[] a = older.split("\\R", -1);
        String[] b = newer.split("\\R", -1);
        List<Line> lines = new ArrayList<>();
        if (a.length > MAX_LINES || b.length > MAX_LINES) {
            for (String line : a) {
                lines.add(new Line("removed", line));
            }
            for (String line : b) {
                lines.add(new Line("added", line));
            }
            return lines;
        }
        int[][] common = new int[a.length + 1][b.length + 1];
        for (int i = a.length - 1; i >= 0; i--) {
            for (int j = b.length - 1; j >= 0; j--) {
                common[i][j] = a[i].equals(b[j]) ? common[i + 1][j + 1] + 1 : Math.max(common[i + 1][j], common[i][j + 1]);
            }
        }
        int i = 0;
        int j = 0;
        while (i < a.length && j < b.length) {
            if (a[i].equals(b[j])) {
                lines.add(new Line("same", a[i]));
                i++;
                j++;
            } else if (common[i + 1][j] >= common[i][j + 1]) {
                lines.add(new Line("removed", a[i++]));
            } else {
                lines.add(new Line("added", b[j++]));
            }
        }
        while (i < a.length) {
            lines.add(new Line("removed", a[i++]));
        }
        while (j < b.length) {
            lines.add(new Line("added", b[j++]));
        }
        return lines;
    }
}
