package com.boxoffice.core.persistence;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;

/**
 * The smallest application that uses the core: nothing but auto-configuration, so the tests see the
 * entities and repositories exactly as an application depending on the core would.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
public class PersistenceTestApplication {
}
