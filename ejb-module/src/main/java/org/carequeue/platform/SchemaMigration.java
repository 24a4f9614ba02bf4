package org.carequeue.platform;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.carequeue.platform.migration.V25__Presence_updates_in_place;
import org.flywaydb.core.Flyway;

/**
 * Declares CareQueue's datasource and brings its schema up to date while the application starts,
 * before it serves requests (beans that write at start-up declare {@code @DependsOn} on it).
 * The database is chosen by MicroProfile Config ({@code carequeue.db.*}, or the environment
 * variables {@code CAREQUEUE_DB_URL}, {@code CAREQUEUE_DB_DRIVER}, ...), so the same build runs on
 * the embedded H2 file database and on PostgreSQL. Migrations are SQL files under
 * {@code db/migration}, and Java ({@code platform.migration}) where the two databases need different
 * statements.
 */
@DataSourceDefinition(
        name = SchemaMigration.DATASOURCE,
        className = "${MPCONFIG=carequeue.db.driver}",
        url = "${MPCONFIG=carequeue.db.url}",
        user = "${MPCONFIG=carequeue.db.user}",
        password = "${MPCONFIG=carequeue.db.password}",
        minPoolSize = 2,
        maxPoolSize = 32,
        properties = {
                // Fail fast when the database is gone instead of hanging requests.
                "fish.payara.is-connection-validation-required=true",
                "fish.payara.connection-validation-method=auto-commit",
                "fish.payara.fail-all-connections=true"
        })
@Startup
@Singleton
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SchemaMigration {

    public static final String DATASOURCE = "java:app/jdbc/carequeue";
    private static final Logger LOG = Logger.getLogger(SchemaMigration.class.getName());

    @Resource(lookup = DATASOURCE)
    DataSource dataSource;

    /** Flyway commits on its own connections, so this runs outside any container transaction. */
    @PostConstruct
    void migrate() {
        var result = Flyway.configure(SchemaMigration.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .javaMigrations(new V25__Presence_updates_in_place())
                .load()
                .migrate();
        LOG.info(() -> "Schema at version " + result.targetSchemaVersion + " (" + result.migrationsExecuted
                + " migrations applied now) on " + result.database);
    }
}
