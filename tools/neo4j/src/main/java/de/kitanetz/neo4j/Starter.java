package de.kitanetz.neo4j;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.harness.Neo4j;
import org.neo4j.harness.Neo4jBuilders;

/**
 * Starts a real Neo4j (Community, through Neo4j's own test harness) with Bolt on 127.0.0.1.
 *
 * <pre>java -cp 'target/classes:target/lib/*' de.kitanetz.neo4j.Starter --data DIR [--port N] [--password PW]
 *      [--pagecache-mb MB]</pre>
 *
 * The data lives in DIR/data (kept between starts); logs and the harness's scratch files in DIR/run (removed
 * on stop). Port 0 (the default) takes a free port. With a password, authentication is on and the user
 * "neo4j" has that password; without one, authentication is off. When the server accepts connections, one line
 * {@code NEO4J_URI=bolt://127.0.0.1:PORT} is printed; SIGTERM (or Ctrl-C) stops the server cleanly.
 */
public final class Starter {

    private Starter() {}

    public static void main(String[] args) throws Exception {
        Path dir = null;
        int port = 0;
        String password = null;
        long pagecacheMb = 512;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--data" -> dir = Path.of(args[++i]).toAbsolutePath();
                case "--port" -> port = Integer.parseInt(args[++i]);
                case "--password" -> password = args[++i];
                case "--pagecache-mb" -> pagecacheMb = Long.parseLong(args[++i]);
                default -> {
                    System.err.println("Unbekannte Option: " + args[i]);
                    System.exit(2);
                }
            }
        }
        if (dir == null) {
            System.err.println("Aufruf: Starter --data ORDNER [--port N] [--password PASSWORT] [--pagecache-mb MB]");
            System.exit(2);
        }
        Path data = dir.resolve("data");
        Path run = dir.resolve("run");
        Files.createDirectories(data);
        Files.createDirectories(run);

        // The harness logs to stdout; keep stdout for the one URI line a caller reads.
        PrintStream out = System.out;
        System.setOut(System.err);

        Neo4j neo4j = Neo4jBuilders.newInProcessBuilder(run)
                .withDisabledServer()
                .withConfig(GraphDatabaseSettings.data_directory, data)
                // the harness's default page cache (8 MB) is for unit tests; an import of 100x the seed needs more
                .withConfig(GraphDatabaseSettings.pagecache_memory, pagecacheMb * 1024 * 1024)
                .withConfig(GraphDatabaseSettings.auth_enabled, password != null)
                .withConfig(BoltConnector.enabled, true)
                .withConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
                .build();

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            neo4j.close();
            stopped.countDown();
        }, "neo4j-stop"));

        if (password != null) {
            try {
                neo4j.databaseManagementService().database("system").executeTransactionally(
                        "ALTER USER neo4j SET PASSWORD $pw CHANGE NOT REQUIRED", Map.of("pw", password));
            } catch (RuntimeException e) {
                // a kept data folder already has this password
                if (!String.valueOf(e.getMessage()).contains("Old password and new password cannot be the same")) {
                    throw e;
                }
            }
        }

        out.println("NEO4J_URI=" + neo4j.boltURI());
        out.flush();
        stopped.await();
    }
}
