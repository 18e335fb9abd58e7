package org.hilrig.runner.testsupport;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A private, throwaway PostgreSQL cluster for one test run, made from the machine's PostgreSQL binaries
 * ({@code /usr/lib/postgresql/VERSION/bin}, Debian's layout): {@code initdb} into a temporary folder (as the
 * {@code postgres} OS user through {@code runuser} when the tests run as root, since PostgreSQL refuses root),
 * started with {@code pg_ctl} on a free loopback port with its unix socket in the same folder, trust
 * authentication. {@link #close} stops it and deletes the folder. A missing installation fails loudly.
 */
public final class PostgresServer implements AutoCloseable {
    private final Path bin;
    private final Path root;
    private final int port;
    private final boolean asPostgresUser;
    private final AtomicInteger databases = new AtomicInteger();
    private boolean stopped;

    private PostgresServer(Path bin, Path root, int port, boolean asPostgresUser) {
        this.bin = bin;
        this.root = root;
        this.port = port;
        this.asPostgresUser = asPostgresUser;
    }

    /** Creates and starts a cluster; throws with the tool's output when a step fails. */
    public static PostgresServer start() throws IOException, InterruptedException {
        Path bin = findBinaries();
        boolean root = "root".equals(System.getProperty("user.name"));
        Path dir = Files.createTempDirectory("hil-pg-");
        if (root) {
            UserPrincipal postgres = dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("postgres");
            Files.setOwner(dir, postgres);
        }
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        PostgresServer server = new PostgresServer(bin, dir, port, root);
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "stop test PostgreSQL"));
        server.run("initdb", "-D", dir.resolve("data").toString(), "-U", "postgres", "--auth=trust", "--no-sync",
                "-E", "UTF8", "--locale=C");
        Files.createDirectories(dir.resolve("sock"));
        if (root) {
            Files.setOwner(dir.resolve("sock"), Files.getOwner(dir));
        }
        server.run("pg_ctl", "-D", dir.resolve("data").toString(), "-l", dir.resolve("server.log").toString(), "-w",
                "-t", "60", "-o", "-p " + port + " -k " + dir.resolve("sock") + " -c listen_addresses=127.0.0.1"
                        + " -c fsync=off -c full_page_writes=off", "start");
        return server;
    }

    private static Path findBinaries() throws IOException {
        Path base = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(base)) {
            try (Stream<Path> versions = Files.list(base)) {
                Path best = versions.filter(p -> Files.isExecutable(p.resolve("bin/initdb")))
                        .max(Comparator.comparingInt(p -> Integer.parseInt(p.getFileName().toString().replaceAll("\\D", "0"))))
                        .orElse(null);
                if (best != null) {
                    return best.resolve("bin");
                }
            }
        }
        throw new IllegalStateException("PostgreSQL is not installed: no /usr/lib/postgresql/*/bin/initdb "
                + "(install Debian's postgresql package); the store tests run against a real server");
    }

    private void run(String tool, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        if (asPostgresUser) {
            cmd.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        cmd.add(bin.resolve(tool).toString());
        cmd.addAll(List.of(args));
        Path log = Files.createTempFile("hil-pg-" + tool, ".log");
        try {
            Process p = new ProcessBuilder(cmd).directory(root.toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException(tool + " did not finish within 120 s: " + Files.readString(log));
            }
            if (p.exitValue() != 0) {
                String serverLog = Files.exists(root.resolve("server.log")) ? Files.readString(root.resolve("server.log"))
                        : "";
                throw new IllegalStateException(String.join(" ", cmd) + " failed with exit " + p.exitValue() + ":\n"
                        + Files.readString(log) + serverLog);
            }
        } finally {
            Files.deleteIfExists(log);
        }
    }

    public int port() {
        return port;
    }

    /** Creates a fresh, empty database and returns its JDBC URL. */
    public String newDatabase() throws SQLException {
        String name = "hil_test_" + databases.incrementAndGet();
        try (Connection c = DriverManager.getConnection(url("postgres")); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        }
        return url(name);
    }

    private String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database + "?user=postgres";
    }

    @Override
    public synchronized void close() {
        if (stopped) {
            return;
        }
        stopped = true;
        try {
            run("pg_ctl", "-D", root.resolve("data").toString(), "-m", "immediate", "-w", "stop");
        } catch (IOException | InterruptedException | IllegalStateException e) {
            System.err.println("could not stop the test PostgreSQL in " + root + ": " + e.getMessage());
        }
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            System.err.println("could not delete " + root + ": " + e.getMessage());
        }
    }
}
