package com.boxoffice.core.persistence;

import javax.sql.DataSource;

import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.hibernate.cfg.SchemaToolingSettings;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.data.jpa.autoconfigure.DataJpaRepositoriesAutoConfiguration;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration;
import org.springframework.boot.hibernate.autoconfigure.HibernatePropertiesCustomizer;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.persistence.autoconfigure.EntityScan;
import org.springframework.context.annotation.Bean;
import org.springframework.data.jpa.repository.config.EnableJpaRepositories;

/**
 * Gives any application that has a {@link DataSource} and the core on its classpath the core's
 * entities and repositories, with the schema owned by the Flyway migrations in {@code db/migration}.
 *
 * <p>Registered as an auto-configuration, so an application in another package (the window client,
 * the sync server) needs nothing but the dependency. Declaring {@code @EntityScan} and
 * {@code @EnableJpaRepositories} turns off Spring Boot's scanning of the application's own package,
 * so an application with entities of its own must declare its packages the same way.
 */
@AutoConfiguration(
        after = DataSourceAutoConfiguration.class,
        before = {HibernateJpaAutoConfiguration.class, DataJpaRepositoriesAutoConfiguration.class})
@ConditionalOnBean(DataSource.class)
@EntityScan(basePackages = CorePersistenceConfiguration.CORE_PACKAGE)
@EnableJpaRepositories(basePackages = CorePersistenceConfiguration.CORE_PACKAGE)
public class CorePersistenceConfiguration {

    static final String CORE_PACKAGE = "com.boxoffice.core";

    /**
     * Hibernate may only check the schema, never change it, whatever an application configures: a
     * Hibernate that creates or alters tables hides a missing migration until a database that only
     * ever saw the migrations (the central one) refuses to start. Spring Boot's own default for an
     * embedded H2 would be {@code create-drop}, which is exactly that trap on the window terminals.
     */
    @Bean
    HibernatePropertiesCustomizer schemaValidatedNeverGenerated() {
        return properties -> properties.put(SchemaToolingSettings.HBM2DDL_AUTO, "validate");
    }

    /**
     * A migration edited after it ran, or a file whose name Flyway would silently skip, must stop the
     * application rather than leave terminals and the central database with different schemas.
     */
    @Bean
    FlywayConfigurationCustomizer migrationsValidated() {
        return (FluentConfiguration configuration) -> configuration
                .validateOnMigrate(true)
                .validateMigrationNaming(true);
    }
}
