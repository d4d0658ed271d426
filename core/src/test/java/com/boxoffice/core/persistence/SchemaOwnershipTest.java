package com.boxoffice.core.persistence;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;

import org.hibernate.tool.schema.spi.SchemaManagementException;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * Flyway owns the schema: an application whose database lacks a migration must refuse to start, not
 * have Hibernate quietly create what is missing. One database is enough to show the configuration
 * does this; the dialects do not change it.
 */
class SchemaOwnershipTest {

    @Test
    void applicationWhoseSchemaLagsBehindTheEntitiesRefusesToStart() {
        SpringApplicationBuilder application = new SpringApplicationBuilder(PersistenceTestApplication.class)
                .web(WebApplicationType.NONE)
                .properties(
                        "spring.datasource.url=jdbc:h2:mem:lagging-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
                        // Leaves out V4, which creates outbox and audit_event.
                        "spring.flyway.target=3",
                        // What Spring Boot would otherwise do for an embedded database is irrelevant:
                        // even an explicit request to generate the schema must not be honoured.
                        "spring.jpa.hibernate.ddl-auto=update");

        assertThatThrownBy(application::run)
                .hasRootCauseInstanceOf(SchemaManagementException.class)
                .rootCause().hasMessageMatching("Schema validation: missing table \\[(outbox|audit_event)]");
    }
}
