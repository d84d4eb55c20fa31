package dev.preflight.check;

import java.io.IOException;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import dev.preflight.platform.net.AddressRules;
import dev.preflight.platform.text.Hashes;

/**
 * The repository-file check: a file at {@code path} in the git {@code repository} (https://,
 * ssh://, or file:// where local repositories are allowed), on {@code branch} (the remote's default
 * branch when not given), must exist, and with {@code pattern} its content must match that regular
 * expression (found anywhere in it). {@code credential: "${secret.NAME}"} authenticates to an
 * https:// repository: a token sent as HTTP basic authentication with the user name
 * x-access-token, or {@code user:token}.
 * <p>
 * Each repository is fetched into its own folder of the cache (named by a hash of its URL): a
 * shallow clone without file contents on first use, then {@code git fetch --depth 1} of the branch;
 * only the file read is downloaded.
 */
final class RepositoryFileCheck implements CheckKind<RepositoryFileCheck.Plan> {

    private static final List<String> SETTINGS = List.of("repository", "branch", "path", "pattern", "credential");
    private static final List<String> SCHEMES = List.of("file", "https", "ssh");
    private static final Pattern BRANCH = Pattern.compile("(?!-)(?!/)(?!.*\\.\\.)(?!.*//)[A-Za-z0-9._/-]+(?<!/)(?<!\\.lock)");
    private static final Map<Path, Object> IN_USE = new ConcurrentHashMap<>();
    private static final String LOCAL = "file:// repositories are not allowed (an administrator allows them with "
            + "PREFLIGHT_CHECKS_LOCAL_REPOSITORIES=true)";

    /** The settings as a run uses them. */
    record Plan(String repository, String branch, String path, Pattern pattern, SecretText credential) {
    }

    private final CheckSettings settings;
    private final Outbound outbound;
    private final Trust trust;

    RepositoryFileCheck(CheckSettings settings, Outbound outbound, Trust trust) {
        this.settings = settings;
        this.outbound = outbound;
        this.trust = trust;
    }

    @Override
    public String key() {
        return "repository-file";
    }

    @Override
    public List<String> settings() {
        return SETTINGS;
    }

    @Override
    public Plan read(ConfigReader config) {
        String repository = config.url("repository", true, SCHEMES);
        boolean literal = repository != null && !config.filling() && !repository.contains("${");
        if (literal && scheme(repository).equals("file") && !settings.localRepositories()) {
            config.problem("repository", "may not be a file:// repository: " + LOCAL);
        }
        String branch = config.text("branch", false);
        if (branch != null && !BRANCH.matcher(branch).matches()) {
            config.problem("branch", "must be a branch name, such as main or release/2.1");
        }
        String path = config.text("path", true);
        if (path != null && (path.startsWith("/") || path.startsWith("-") || path.endsWith("/")
                || Stream.of(path.split("/")).anyMatch(p -> p.isEmpty() || p.equals("..") || p.equals(".")))) {
            config.problem("path", "must be a file's path inside the repository, such as docs/runbook.md");
        }
        Pattern pattern = config.pattern("pattern", false);
        SecretText credential = config.secretText("credential", false);
        if (credential != null && !credential.hasSecret()) {
            config.problem("credential", "must name a secret, such as ${secret.REPOSITORY_TOKEN}");
        }
        if (credential != null && literal && !scheme(repository).equals("https")) {
            config.problem("credential", "goes only with an https:// repository");
        }
        return new Plan(repository, branch, path, pattern, credential);
    }

    @Override
    public String describe(Plan plan) {
        return plan.path() + " on " + branch(plan) + " of " + plan.repository()
                + (plan.pattern() == null ? "" : ", matching /" + plan.pattern().pattern() + "/");
    }

    @Override
    public Findings run(Plan plan, Run run) {
        String asked = "git fetch " + plan.repository() + " (" + branch(plan) + ", depth 1), then read " + plan.path()
                + (plan.credential() == null ? "" : ", with the credential " + plan.credential().shown());
        AddressRules.Pinned reached = reach(plan);
        if (reached.refusal() != null) {
            return new Findings(asked, List.of(new Observation("repository", "a repository allowed for checks",
                    reached.refusal(), false)));
        }
        Path root = settings.cacheDir().resolve("check-repositories");
        Path dir = root.resolve(Hashes.sha256(plan.repository()).substring(0, 24));
        List<Map.Entry<String, String>> gitSettings = new ArrayList<>();
        gitSettings.add(Map.entry("http.followRedirects", "false"));
        List<String> sshOptions = new ArrayList<>();
        if (reached.address() != null) {
            String host = URI.create(plan.repository()).getHost();
            String address = reached.address().getHostAddress();
            gitSettings.add(Map.entry("http.curloptResolve", bare(host) + ":" + reached.port() + ":"
                    + (address.contains(":") ? "[" + address + "]" : address)));
            sshOptions.addAll(List.of("HostName=" + address, "HostKeyAlias=" + bare(host)));
        }
        String header = null;
        if (plan.credential() != null) {
            String token = run.reveal(plan.credential());
            header = Base64.getEncoder().encodeToString((token.contains(":") ? token : "x-access-token:" + token)
                    .getBytes(StandardCharsets.UTF_8));
            gitSettings.add(Map.entry("http.extraHeader", "Authorization: Basic " + header));
        }
        try {
            create(root);
            trust.bundle(root).ifPresent(bundle -> gitSettings.add(Map.entry("http.sslCAInfo", bundle.toString())));
            Git git = new Git(outbound.timeout(), settings.localRepositories(), root, sshOptions);
            synchronized (IN_USE.computeIfAbsent(dir, d -> new Object())) {
                try (FileChannel channel = FileChannel.open(root.resolve(dir.getFileName() + ".lock"),
                        StandardOpenOption.CREATE, StandardOpenOption.WRITE); FileLock lock = channel.lock()) {
                    return new Findings(asked, look(plan, git, dir, gitSettings, header));
                }
            }
        } catch (IOException e) {
            throw new NotRun("cache folder", "a folder Preflight can write", root + " cannot be used (" + e.getMessage()
                    + "); set PREFLIGHT_CACHE_DIR to another folder");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NotRun("repository", "fetched", "interrupted while git ran");
        }
    }

    private List<Observation> look(Plan plan, Git git, Path dir, List<Map.Entry<String, String>> gitSettings,
            String header) throws IOException, InterruptedException {
        String fetched = "fetched within " + Words.duration(outbound.timeout());
        if (!Files.isDirectory(dir)) {
            Path fresh = dir.resolveSibling(dir.getFileName() + ".new-" + UUID.randomUUID());
            List<String> clone = new ArrayList<>(List.of("clone", "--bare", "--quiet", "--depth", "1", "--filter=blob:none",
                    "--no-tags"));
            if (plan.branch() != null) {
                clone.addAll(List.of("--branch", plan.branch()));
            }
            clone.addAll(List.of("--", plan.repository(), fresh.toString()));
            Git.Result cloned = git.run(null, clone, gitSettings, 0);
            if (!cloned.ok()) {
                delete(fresh);
                return List.of(failed(fetched, cloned, header));
            }
            Files.move(fresh, dir, StandardCopyOption.ATOMIC_MOVE);
        }
        String ref = plan.branch() == null ? "refs/checked/default" : "refs/checked/branches/" + plan.branch();
        String source = plan.branch() == null ? "HEAD" : "refs/heads/" + plan.branch();
        Git.Result fetch = git.run(dir, List.of("fetch", "--quiet", "--depth", "1", "--no-tags", "origin",
                "+" + source + ":" + ref), gitSettings, 0);
        if (!fetch.ok()) {
            return List.of(failed(fetched, fetch, header));
        }
        List<Observation> observations = new ArrayList<>();
        Git.Result commit = git.run(dir, List.of("log", "-1", "--format=%h of %cs", ref), gitSettings, 200);
        observations.add(new Observation("repository", fetched, "fetched " + commit.text().strip(), true));
        Git.Result listed = git.run(dir, List.of("ls-tree", "-z", ref, "--", plan.path()), gitSettings, 4096);
        String[] entry = listed.text().split("\0")[0].split("[ \t]", 4);
        boolean file = listed.ok() && entry.length == 4 && entry[1].equals("blob");
        String where = "on " + branch(plan);
        observations.add(new Observation("file " + plan.path(), "present " + where, file ? "present"
                : entry.length == 4 ? "a " + entry[1] + ", not a file" : "missing", file));
        if (file && plan.pattern() != null) {
            Git.Result content = git.run(dir, List.of("cat-file", "blob", entry[2]), gitSettings,
                    outbound.maxBodyBytes());
            String expected = "matching /" + plan.pattern().pattern() + "/";
            if (!content.ok()) {
                observations.add(failed(expected, content, header));
            } else if (!content.whole()) {
                String limit = Words.size(outbound.maxBodyBytes());
                observations.add(new Observation("content of " + plan.path(), expected, "larger than " + limit
                        + ", not read further", false));
            } else {
                boolean matches = plan.pattern().matcher(content.text()).find();
                observations.add(new Observation("content of " + plan.path(), expected, matches ? "matches"
                        : "does not match (" + Words.size(content.out().length) + ")", matches));
            }
        }
        return observations;
    }

    /**
     * The repository's host judged and resolved once, for git to connect to that address; or why the
     * repository may not be fetched. A local repository has no address.
     */
    private AddressRules.Pinned reach(Plan plan) {
        String scheme = scheme(plan.repository());
        if (scheme.equals("file")) {
            return new AddressRules.Pinned(null, null, -1, settings.localRepositories() ? null : LOCAL);
        }
        if (plan.credential() != null && !scheme.equals("https")) {
            return new AddressRules.Pinned(null, null, -1, "a credential is sent only to https:// repositories");
        }
        URI repository = URI.create(plan.repository());
        String host = repository.getHost();
        int port = repository.getPort() != -1 ? repository.getPort() : scheme.equals("ssh") ? 22 : 443;
        AddressRules.Pinned pinned = outbound.pinned(host, port);
        return pinned.refusal() == null ? pinned
                : new AddressRules.Pinned(null, null, port, host + " " + pinned.refusal());
    }

    /** An IPv6 address without its brackets, any other host as it is. */
    private static String bare(String host) {
        return host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
    }

    private Observation failed(String expected, Git.Result result, String header) {
        String reason = result.timedOut() ? "no answer within " + Words.duration(outbound.timeout())
                : Git.reason(result.error());
        return new Observation("repository", expected, header == null ? reason : reason.replace(header, "(credential)"),
                false);
    }

    private static String branch(Plan plan) {
        return plan.branch() == null ? "the default branch" : "branch " + plan.branch();
    }

    private static String scheme(String repository) {
        return repository.substring(0, Math.max(0, repository.indexOf(':'))).toLowerCase(Locale.ROOT);
    }

    private static void create(Path root) throws IOException {
        if (!Files.isDirectory(root)) {
            Files.createDirectories(root);
            if (root.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwx------"));
            }
        }
    }

    private static void delete(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> paths = Files.walk(dir)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }
}
