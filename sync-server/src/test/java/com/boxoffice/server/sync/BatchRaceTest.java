package com.boxoffice.server.sync;

import static com.boxoffice.server.SyncFixture.sale;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import com.boxoffice.core.terminal.TerminalKind;
import com.boxoffice.server.SyncFixture;
import com.boxoffice.server.SyncTestBase;

import tools.jackson.databind.JsonNode;

/** Terminals uploading sales of overlapping seats at the same moment: each seat is sold at most once. */
class BatchRaceTest extends SyncTestBase {

    private static final int TERMINALS = 6;
    private static final int SALES_PER_TERMINAL = 30;

    @Test
    void concurrentBatchesForOverlappingSeatsSellEachSeatAtMostOnceInPostgresAndRedis() throws Exception {
        SyncFixture.Manager manager = fx.manager();
        String perf = fx.newPerformance();
        List<String> stalls = new ArrayList<>();
        for (char row = 'A'; row <= 'E'; row++) {
            for (int s = 1; s <= 12; s++) {
                stalls.add("STALLS-" + row + "-" + s);
            }
        }
        List<String> ids = new ArrayList<>();
        List<String> credentials = new ArrayList<>();
        List<List<Map<String, Object>>> journals = new ArrayList<>();
        Random random = new Random(42);
        for (int t = 0; t < TERMINALS; t++) {
            String id = fx.newTerminalId();
            ids.add(id);
            credentials.add(fx.register(manager, id, TerminalKind.BOX_OFFICE));
            List<Map<String, Object>> journal = new ArrayList<>();
            for (int n = 0; n < SALES_PER_TERMINAL; n++) {
                // one or two seats side by side in one category: the same few seats are wanted by everyone
                int at = random.nextInt(stalls.size() - 1);
                String a = stalls.get(at);
                String b = stalls.get(at + 1);
                boolean pair = random.nextBoolean() && SyncFixture.categoryOf(a).equals(SyncFixture.categoryOf(b));
                journal.add(pair ? sale(n + 1, perf, "AT_RISK", a, b) : sale(n + 1, perf, "AT_RISK", a));
            }
            journals.add(journal);
        }

        ExecutorService pool = Executors.newFixedThreadPool(TERMINALS * 2);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Map<String, JsonNode>>> answers = new ArrayList<>();
        for (int t = 0; t < TERMINALS; t++) {
            int terminal = t;
            List<Map<String, Object>> journal = journals.get(t);
            // each terminal sends its journal in two halves, and the whole journal again at once
            for (List<Map<String, Object>> part : List.of(journal.subList(0, SALES_PER_TERMINAL / 2),
                    journal.subList(SALES_PER_TERMINAL / 2, SALES_PER_TERMINAL), journal)) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return fx.upload(credentials.get(terminal), ids.get(terminal), part);
                }));
            }
        }
        start.countDown();
        Map<String, String> outcomeBySale = new HashMap<>();
        for (Future<Map<String, JsonNode>> answer : answers) {
            answer.get(120, TimeUnit.SECONDS).forEach((saleId, outcome) -> {
                String previous = outcomeBySale.put(saleId, outcome.get("outcome").asString() + outcome.get("seats"));
                if (previous != null) {
                    assertThat(outcome.get("outcome").asString() + outcome.get("seats")).as(saleId).isEqualTo(previous);
                }
            });
        }
        pool.shutdown();

        assertThat(outcomeBySale).hasSize(TERMINALS * SALES_PER_TERMINAL);
        assertThat(fx.doubleSold(perf)).isEmpty();
        assertThat(fx.count("SELECT count(*) FROM sync_sale WHERE performance_id = ?", perf))
                .isEqualTo(TERMINALS * SALES_PER_TERMINAL);
        // Redis and PostgreSQL agree seat by seat: sold in Redis exactly where a live ticket is
        String states = fx.states(perf);
        List<String> live = fx.jdbc().queryForList("SELECT seat_id FROM ticket WHERE performance_id = ? AND status = 'LIVE'",
                String.class, perf);
        long soldInRedis = states.chars().filter(c -> c == 'S').count();
        assertThat(soldInRedis).isEqualTo(live.size());
        for (String seat : live) {
            assertThat(states.charAt(SyncFixture.seatIndex(seat))).as(seat).isEqualTo('S');
        }
        // every sale ended with tickets for as many seats as it sold, or is due a refund with none
        for (List<Map<String, Object>> journal : journals) {
            for (Map<String, Object> s : journal) {
                String outcome = outcomeBySale.get((String) s.get("saleId"));
                long tickets = fx.count("SELECT count(*) FROM ticket WHERE order_id = ? AND status = 'LIVE'", s.get("orderId"));
                if (outcome.startsWith("REFUND_DUE")) {
                    assertThat(tickets).isZero();
                } else {
                    assertThat(tickets).as(outcome).isEqualTo(((List<?>) s.get("seats")).size());
                }
            }
        }
    }
}
