package io.mockpanel.base.database;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * An embedded PostgreSQL that an earlier run left running: when the app is killed (kill -9, a
 * crashed IDE) its shutdown hook never stops PostgreSQL, which keeps holding the data directory,
 * and a new PostgreSQL cannot start there. Found through PostgreSQL's own lock file, and only
 * taken for ours when the process named there is alive, is a postgres and serves this very
 * directory (so a stale lock file whose number now belongs to another process is left alone).
 */
final class OrphanedPostgres {

    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

    private OrphanedPostgres() {
    }

    /** The postmaster still running on this data directory, if any. */
    static Optional<ProcessHandle> find(Path dataDirectory) {
        Path lockFile = dataDirectory.resolve("postmaster.pid");
        List<String> lines;
        try {
            lines = Files.exists(lockFile) ? Files.readAllLines(lockFile) : List.of();
        } catch (IOException e) {
            return Optional.empty();
        }
        if (lines.size() < 2) {
            return Optional.empty();
        }
        long pid;
        try {
            pid = Long.parseLong(lines.get(0).trim());
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        if (!sameDirectory(Path.of(lines.get(1).trim()), dataDirectory)) {
            return Optional.empty();
        }
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).filter(OrphanedPostgres::isPostgres);
    }

    /**
     * Asks the postmaster for a fast shutdown (SIGINT: clients are disconnected, data is
     * checkpointed, nothing is lost) and waits for it to exit.
     */
    static void stop(ProcessHandle postmaster) {
        requestFastShutdown(postmaster);
        try {
            postmaster.onExit().get(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new IllegalStateException("The embedded PostgreSQL left running by an earlier run (pid "
                    + postmaster.pid() + ") did not stop within " + STOP_TIMEOUT.toSeconds() + " s; stop it and "
                    + "start the app again.");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while stopping an earlier embedded PostgreSQL", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Java can only send SIGTERM (a "smart" shutdown that waits for every client); kill sends SIGINT. */
    private static void requestFastShutdown(ProcessHandle postmaster) {
        if (!System.getProperty("os.name", "").toLowerCase().contains("win")) {
            try {
                Process kill = new ProcessBuilder("kill", "-INT", Long.toString(postmaster.pid()))
                        .redirectErrorStream(true).start();
                if (kill.waitFor(5, TimeUnit.SECONDS) && kill.exitValue() == 0) {
                    return;
                }
            } catch (IOException e) {
                // No kill command: fall back to SIGTERM.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        postmaster.destroy();
    }

    private static boolean isPostgres(ProcessHandle process) {
        return process.info().command()
                .map(command -> Path.of(command).getFileName().toString())
                .map(name -> name.equals("postgres") || name.equals("postgres.exe"))
                .orElse(false);
    }

    private static boolean sameDirectory(Path a, Path b) {
        try {
            return Files.isSameFile(a, b);
        } catch (IOException e) {
            return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
        }
    }
}
