package dev.preflight.platform.db;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.stream.Stream;

/** The folders the embedded database keeps, and what to tell a person when one cannot be used. */
final class Folders {

    static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    private Folders() {
    }

    /** Creates the folder, readable by its owner only, when it is missing. */
    static void create(Path dir, String what, String setting) {
        try {
            if (!Files.isDirectory(dir)) {
                Files.createDirectories(dir);
                if (POSIX) {
                    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
                }
            }
        } catch (IOException e) {
            throw failure(e, dir, what, setting);
        }
    }

    /** Creates an empty file that only its owner can read. */
    static void createPrivateFile(Path file) throws IOException {
        if (POSIX) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } else {
            Files.createFile(file);
        }
    }

    /** One line for a person: what is wrong with the folder, and what to do. */
    static EmbeddedDatabaseException failure(IOException e, Path dir, String what, String setting) {
        String reason = e instanceof FileSystemException fs && fs.getReason() != null ? fs.getReason() : e.getMessage();
        if (e instanceof AccessDeniedException) {
            reason = "Permission denied";
        }
        return failure(String.valueOf(reason), dir, what, setting, e);
    }

    /** The same for a reason a program (initdb, pg_ctl) gave in its output. */
    static EmbeddedDatabaseException failure(String reason, Path dir, String what, String setting, Throwable cause) {
        if (reason.contains("No space left on device")) {
            return new EmbeddedDatabaseException("The disk holding Preflight's " + what + " " + dir
                    + " is full. Free some space (the embedded PostgreSQL needs about 100 MB) and start Preflight again.", cause);
        }
        if (reason.contains("Permission denied") || reason.contains("Read-only file system")) {
            return new EmbeddedDatabaseException("Preflight cannot write to its " + what + " " + dir + " (" + reason.trim()
                    + "). Let the user running Preflight write there, or set " + setting + " to another folder.", cause);
        }
        return new EmbeddedDatabaseException("Preflight cannot use its " + what + " " + dir + ": " + reason.trim()
                + ". Set " + setting + " to another folder.", cause);
    }

    /** Deletes a folder and everything in it, as far as it can. */
    static void delete(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | RuntimeException e) {
            // what stays is removed by the next start that finds it
        }
    }
}
