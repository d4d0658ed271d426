package com.boxoffice.testsupport;

/** Which real servers tests use. */
final class TestServers {

    private TestServers() {
    }

    /** {@code BOXOFFICE_TEST_SERVERS=embedded}: ignore running servers and start embedded ones. */
    static boolean embeddedOnly() {
        return "embedded".equalsIgnoreCase(System.getenv("BOXOFFICE_TEST_SERVERS"));
    }
}
