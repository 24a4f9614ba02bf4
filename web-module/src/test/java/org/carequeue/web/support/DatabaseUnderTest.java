package org.carequeue.web.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.opentest4j.TestAbortedException;

/**
 * Prepares the database of this test pass once per JVM (failsafe runs one JVM per pass): an empty
 * H2 folder, or a fresh PostgreSQL schema. When PostgreSQL does not answer, the pass is skipped
 * with a clear message on a developer's machine and fails under CI ({@code CI=true}).
 */
public class DatabaseUnderTest implements BeforeAllCallback {

    private static final String DATABASE = System.getProperty("carequeue.it.database", "h2");
    private static Boolean available;
    private static String unavailableReason;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        synchronized (DatabaseUnderTest.class) {
            if (available == null) {
                prepare();
            }
        }
        if (!available) {
            throw new TestAbortedException(unavailableReason);
        }
    }

    /**
     * Locks an audience's row from outside, as a pick in progress, a drop or a heartbeat batch
     * would, until the connection rolls back.
     */
    public static void holdAudienceRow(Connection holder, String audienceId) throws SQLException {
        holder.setAutoCommit(false);
        try (PreparedStatement lock = holder.prepareStatement("select id from audience where id = ? for update")) {
            lock.setString(1, audienceId);
            try (ResultSet row = lock.executeQuery()) {
                if (!row.next()) {
                    throw new IllegalStateException("No audience " + audienceId + " to hold");
                }
            }
        }
    }

    /**
     * A connection to this pass's database, the one the server under test uses: for a test that
     * must set up what only time would (a conversation completed long ago, say).
     */
    public static Connection connect() throws SQLException {
        return "postgresql".equals(DATABASE)
                ? DriverManager.getConnection(System.getProperty("carequeue.it.postgresql.url"), "postgres", "")
                : DriverManager.getConnection(System.getProperty("carequeue.it.h2.url"), "sa", "carequeue");
    }

    /**
     * A fresh schema of this pass's PostgreSQL next to the pass's own ({@code <pass schema>_<suffix>}),
     * for a node of a test's own that the shared suite server must not see; its JDBC URL.
     */
    public static String ownPostgreSqlSchema(String suffix) throws SQLException {
        String url = System.getProperty("carequeue.it.postgresql.url");
        String schema = url.replaceFirst(".*[?&]currentSchema=([A-Za-z0-9_]+).*", "$1") + "_" + suffix;
        try (Connection connection = DriverManager.getConnection(url.replaceFirst("\\?.*", ""), "postgres", "");
             Statement statement = connection.createStatement()) {
            statement.execute("drop schema if exists " + schema + " cascade");
            statement.execute("create schema " + schema);
        }
        return url.replaceFirst("currentSchema=[A-Za-z0-9_]+", "currentSchema=" + schema);
    }

    private static void prepare() throws IOException {
        if ("postgresql".equals(DATABASE)) {
            preparePostgreSql();
        } else {
            emptyH2Folder();
            available = true;
        }
    }

    private static void preparePostgreSql() {
        String url = System.getProperty("carequeue.it.postgresql.url");
        DriverManager.setLoginTimeout(5);
        // The schema the URL names (carequeue_it by default; a developer may pick one of their own).
        String schema = url.replaceFirst(".*[?&]currentSchema=([A-Za-z0-9_]+).*", "$1");
        try (Connection connection = DriverManager.getConnection(url.replaceFirst("[?&]currentSchema=[A-Za-z0-9_]+", ""),
                "postgres", "");
             Statement statement = connection.createStatement()) {
            statement.execute("drop schema if exists " + schema + " cascade");
            statement.execute("create schema " + schema);
            available = true;
            System.out.println("[CareQueue ITs] PostgreSQL pass on " + url);
        } catch (SQLException e) {
            String reason = "PostgreSQL (" + url + ", user postgres) does not answer: "
                    + e.getMessage().replaceAll("\\.+$", "");
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException(reason + ". CI requires the PostgreSQL pass; start PostgreSQL.", e);
            }
            available = false;
            unavailableReason = reason + ". Only the H2 pass runs on this machine.";
            System.out.println("[CareQueue ITs] " + unavailableReason);
        }
    }

    private static void emptyH2Folder() throws IOException {
        Path folder = Path.of(System.getProperty("carequeue.it.h2.dir", "target/it-h2"));
        deleteFolder(folder);
        System.out.println("[CareQueue ITs] H2 pass in " + folder.toAbsolutePath());
    }

    static void deleteFolder(Path folder) throws IOException {
        if (Files.exists(folder)) {
            try (Stream<Path> files = Files.walk(folder)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(file);
                }
            }
        }
    }
}
