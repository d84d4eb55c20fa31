package dev.preflight;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

import dev.preflight.backup.BackupCommand;

/**
 * Starts Preflight, or runs one of its commands ({@code backup}, {@code restore}) on its database
 * and exits without starting the server.
 */
@QuarkusMain
public class Main {

    public static void main(String... args) {
        if (args.length > 0 && BackupCommand.handles(args[0])) {
            System.exit(BackupCommand.run(args));
        }
        Quarkus.run(args);
    }
}
