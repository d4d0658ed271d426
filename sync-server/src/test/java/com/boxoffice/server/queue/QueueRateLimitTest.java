package com.boxoffice.server.queue;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import com.boxoffice.core.queue.WaitingRoom;
import com.boxoffice.server.SyncTestBase;

/** One client address may join and read its status only so often; past that it is told when to come back. */
@TestPropertySource(properties = {"boxoffice.online.joins-per-minute=3", "boxoffice.online.status-reads-per-second=2"})
class QueueRateLimitTest extends SyncTestBase {

    @Autowired
    WaitingRoom room;

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> send(String method, String path, String json) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
                .header("Content-Type", "application/json").build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void anAddressThatJoinsTooOftenIsToldWhenToComeBackAndQueuesNobodyMore() throws Exception {
        String perf = fx.newPerformance();
        String queueId = null;
        for (int i = 0; i < 3; i++) {
            HttpResponse<String> joined = send("POST", "/api/performances/" + perf + "/queue", "{\"email\":\"b" + i + "@example.com\"}");
            assertThat(joined.statusCode()).as(joined.body()).isEqualTo(201);
            queueId = com.boxoffice.server.SyncFixture.JSON.readTree(joined.body()).get("queueId").asString();
        }
        HttpResponse<String> refused = send("POST", "/api/performances/" + perf + "/queue", "{\"email\":\"b9@example.com\"}");

        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 60L);
        assertThat(refused.body()).contains("too-many-requests");
        assertThat(room.view(perf).inLine()).isEqualTo(3);

        // status reads have an allowance of their own
        assertThat(send("GET", "/api/queue/" + queueId, null).statusCode()).isEqualTo(200);
        assertThat(send("GET", "/api/queue/" + queueId, null).statusCode()).isEqualTo(200);
        HttpResponse<String> tooFast = send("GET", "/api/queue/" + queueId, null);
        assertThat(tooFast.statusCode()).isEqualTo(429);
        assertThat(tooFast.headers().firstValue("Retry-After")).hasValue("1");
    }
}
