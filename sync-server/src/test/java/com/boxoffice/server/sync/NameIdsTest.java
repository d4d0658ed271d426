package com.boxoffice.server.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class NameIdsTest {

    @Test
    void anIdMadeFromANameIsTheOneJavaMakesFromIt() {
        for (String name : new String[] {"", "order-1/STALLS-A-1", "payment/3f1c0a2e-0000-4000-8000-000000000000/0",
            "conflict/ventes-été/Überlänge/座席", "x".repeat(1000)}) {
            assertThat(NameIds.of(name)).as(name).isEqualTo(UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString());
        }
        for (int i = 0; i < 10_000; i++) {
            String name = UUID.randomUUID() + "/" + i;
            assertThat(NameIds.of(name)).isEqualTo(UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString());
        }
    }
}
