package dev.preflight.check;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs git for the repository checks: without prompts, without the user's or the system's git
 * configuration, over the allowed protocols only, within the time limit. Settings, the credential
 * among them, travel in the environment (GIT_CONFIG_COUNT), never in the arguments; Preflight's own
 * environment (PREFLIGHT_*, where secrets live) is not passed on.
 */
final class Git {

    private static final int MAX_ERROR_BYTES = 64 * 1024;

    /**
     * What a git command left.
     *
     * @param exit     its exit status (-1 when it was stopped)
     * @param out      its output, up to the limit asked for
     * @param whole    whether that is all its output
     * @param error    its error output
     * @param timedOut whether it was stopped at the time limit
     */
    record Result(int exit, byte[] out, boolean whole, String error, boolean timedOut) {

        boolean ok() {
            return exit == 0 && !timedOut;
        }

        String text() {
            return new String(out, StandardCharsets.UTF_8);
        }
    }

    private final Duration timeout;
    private final String protocols;
    private final Path work;
    private final String ssh;

    /**
     * @param work       a folder for the commands' output while they run
     * @param local      whether file:// repositories may be read
     * @param sshOptions more ssh options ({@code HostName=192.0.2.7}), each passed as {@code -o}
     */
    Git(Duration timeout, boolean local, Path work, List<String> sshOptions) {
        this.timeout = timeout;
        this.protocols = local ? "file:https:ssh" : "https:ssh";
        this.work = work;
        StringBuilder command = new StringBuilder("ssh -o BatchMode=yes -o ConnectTimeout=")
                .append(Math.max(1, timeout.toSeconds()));
        sshOptions.forEach(option -> command.append(" -o '").append(option.replace("'", "")).append('\''));
        this.ssh = command.toString();
    }

    /**
     * Runs {@code git [-C dir] args...}.
     *
     * @param settings git settings for this command only ({@code http.extraHeader} and the like)
     * @param maxOut   the most of its output that is read
     */
    Result run(Path dir, List<String> args, List<Map.Entry<String, String>> settings, int maxOut)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("git"));
        if (dir != null) {
            command.addAll(List.of("-C", dir.toString()));
        }
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command);
        Map<String, String> environment = builder.environment();
        environment.keySet().removeIf(name -> name.startsWith("PREFLIGHT_") || name.startsWith("GIT_")
                || name.equals("SSH_ASKPASS"));
        environment.put("GIT_TERMINAL_PROMPT", "0");
        environment.put("GIT_CONFIG_NOSYSTEM", "1");
        environment.put("GIT_CONFIG_GLOBAL", "/dev/null");
        environment.put("GIT_ALLOW_PROTOCOL", protocols);
        environment.put("GIT_SSH_COMMAND", ssh);
        environment.put("LC_ALL", "C");
        for (int i = 0; i < settings.size(); i++) {
            environment.put("GIT_CONFIG_KEY_" + i, settings.get(i).getKey());
            environment.put("GIT_CONFIG_VALUE_" + i, settings.get(i).getValue());
        }
        environment.put("GIT_CONFIG_COUNT", Integer.toString(settings.size()));
        Path out = Files.createTempFile(work, "git-", ".out");
        Path error = Files.createTempFile(work, "git-", ".err");
        try {
            Process process = builder.redirectOutput(out.toFile()).redirectError(error.toFile()).start();
            process.getOutputStream().close();
            boolean finished = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (!finished) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                process.waitFor();
            }
            byte[] read = head(out, maxOut + 1L);
            boolean whole = read.length <= maxOut;
            String errors = new String(head(error, MAX_ERROR_BYTES), StandardCharsets.UTF_8);
            return new Result(finished ? process.exitValue() : -1, whole ? read : Arrays.copyOf(read, maxOut),
                    whole, errors, !finished);
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(error);
        }
    }

    /** The line of git's error output that says what went wrong, without its "fatal: ". */
    static String reason(String error) {
        List<String> lines = error.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        String line = lines.stream().filter(l -> l.startsWith("fatal:") || l.startsWith("error:"))
                .reduce((first, second) -> second).orElse(lines.isEmpty() ? "git gave no reason" : lines.get(lines.size() - 1));
        line = line.replaceFirst("^(fatal|error): ", "");
        return line.length() > 300 ? line.substring(0, 300) + "…" : line;
    }

    private static byte[] head(Path file, long limit) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes((int) Math.min(limit, Integer.MAX_VALUE - 8));
        }
    }
}
