package minimal;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * Creates the one table at start, as CareQueue's schema migration does its own: in a schema of its
 * own, since CareQueue's Flyway refuses to start on a schema that holds tables it does not know.
 */
@DataSourceDefinition(name = "java:app/jdbc/minimal", className = "${MPCONFIG=carequeue.db.driver}",
        url = "${MPCONFIG=carequeue.db.url}", user = "${MPCONFIG=carequeue.db.user}",
        password = "${MPCONFIG=carequeue.db.password}", minPoolSize = 2, maxPoolSize = 32)
@Startup
@Singleton
public class Schema {
    @Resource(lookup = "java:app/jdbc/minimal")
    DataSource dataSource;

    @PostConstruct
    void create() {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("create schema if not exists minimal");
            s.execute("create table if not exists minimal.greeting (id bigint primary key, text varchar(200))");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
