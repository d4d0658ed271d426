package com.boxoffice.server.online;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

import com.boxoffice.core.sale.SaleService;

/**
 * The background job that makes an ambiguous card payment come out right: every few seconds it asks
 * the gateway about charges left unanswered (completing the sales they paid, voiding the ones it
 * never received), and now and then unwinds sales abandoned for longer than any hold lasts. Any
 * number of servers may run it at once: each step takes the order's row lock and is idempotent.
 */
@Component
public class PaymentSettler implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(PaymentSettler.class);
    private static final Duration RECOVER_EVERY = Duration.ofMinutes(1);

    private final SaleService sales;
    private final Clock clock;
    private final OnlineProperties properties;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "payment-settler");
        thread.setDaemon(true);
        return thread;
    });

    public PaymentSettler(SaleService sales, Clock clock, OnlineProperties properties) {
        this.sales = sales;
        this.clock = clock;
        this.properties = properties;
        long settle = properties.settleEvery().toMillis();
        timer.scheduleWithFixedDelay(this::settle, settle, settle, TimeUnit.MILLISECONDS);
        timer.scheduleWithFixedDelay(this::recover, RECOVER_EVERY.toMillis(), RECOVER_EVERY.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Settles unanswered charges now; the number of sales completed. */
    public int settle() {
        try {
            int completed = sales.settlePayments();
            if (completed > 0) {
                log.info("Completed {} sales whose card payments were left unanswered", completed);
            }
            return completed;
        } catch (RuntimeException e) {
            log.error("Settling unanswered card payments failed; trying again in {}", properties.settleEvery(), e);
            return 0;
        }
    }

    private void recover() {
        try {
            Instant cutoff = clock.instant().minus(properties.abandonedAfter());
            SaleService.RecoveryReport report = sales.recover(cutoff);
            if (report.completed() + report.unwound() + report.failed() > 0) {
                log.info("Recovered abandoned sales: {}", report);
            }
        } catch (RuntimeException e) {
            log.error("Recovering abandoned sales failed; trying again in {}", RECOVER_EVERY, e);
        }
    }

    @Override
    public void destroy() {
        timer.shutdownNow();
    }
}
