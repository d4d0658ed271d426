package com.boxoffice.ui.shell;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.core.env.Environment;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.boxoffice.core.hold.HoldProperties;
import com.boxoffice.core.hold.HoldStore;
import com.boxoffice.core.hold.HoldTokens;
import com.boxoffice.core.hold.InMemoryPerformanceSeatings;
import com.boxoffice.core.hold.LocalHoldStore;
import com.boxoffice.core.hold.RedisAllocations;
import com.boxoffice.core.hold.RedisHoldStore;
import com.boxoffice.core.hold.RedisScripts;
import com.boxoffice.core.payment.PaymentProvider;
import com.boxoffice.core.payment.PaymentRepository;
import com.boxoffice.core.payment.SimulatedPaymentProvider;
import com.boxoffice.core.performance.PerformanceEntity;
import com.boxoffice.core.performance.PerformanceRepository;
import com.boxoffice.core.sale.OrderLookup;
import com.boxoffice.core.sale.RefundRepository;
import com.boxoffice.core.sale.SaleCheckpoints;
import com.boxoffice.core.sale.SaleOrderRepository;
import com.boxoffice.core.sale.SaleService;
import com.boxoffice.core.sale.TillTotals;
import com.boxoffice.core.shared.AuditEventRepository;
import com.boxoffice.core.shift.OpenShiftRepository;
import com.boxoffice.core.shift.ShiftRepository;
import com.boxoffice.core.shift.ShiftService;
import com.boxoffice.core.shift.TillShiftTotals;
import com.boxoffice.core.staff.StaffDirectory;
import com.boxoffice.core.staff.StaffRepository;
import com.boxoffice.core.sync.OfflineSnapshotRepository;
import com.boxoffice.core.sync.OutboxRepository;
import com.boxoffice.core.sync.OutboxUploader;
import com.boxoffice.core.sync.SyncClient;
import com.boxoffice.core.sync.TerminalHoldStore;
import com.boxoffice.core.sync.TerminalLink;
import com.boxoffice.core.sync.TerminalOutbox;
import com.boxoffice.core.ticket.TicketKeys;
import com.boxoffice.core.ticket.TicketRepository;
import com.boxoffice.core.ticket.TicketSigner;
import com.boxoffice.core.venue.VenueEntity;
import com.boxoffice.core.venue.VenueJson;
import com.boxoffice.core.venue.VenueRepository;
import com.boxoffice.ui.boxoffice.BoxOfficeDesk;
import com.boxoffice.ui.boxoffice.TicketFiles;
import com.boxoffice.ui.common.ConnectionMonitor;
import com.boxoffice.ui.common.LocalSecret;
import com.boxoffice.ui.demo.DemoCatalog;
import com.boxoffice.ui.kiosk.KioskDesk;
import com.boxoffice.ui.kiosk.KioskExitPin;
import com.boxoffice.ui.manager.ManagerDesk;
import com.boxoffice.ui.manager.SeatAssignments;
import com.boxoffice.ui.seatmap.SeatMapViewModel;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.DefaultClientResources;
import io.lettuce.core.resource.Delay;

/** The core running in-process (no web server), and the client's own view models. */
@SpringBootConfiguration
@EnableAutoConfiguration
@EnableConfigurationProperties(ClientProperties.class)
public class ClientConfiguration {

    /** Longest the card terminal may take to answer; a charge younger than this is left alone by recovery. */
    static final Duration CARD_ANSWER_TIME = Duration.ofMinutes(2);
    /** Sales sent to the sync server in one request. */
    static final int UPLOAD_BATCH = 200;
    /** How often waiting sales are sent. */
    static final Duration UPLOAD_EVERY = Duration.ofSeconds(3);
    /** Longest one call to the sync server may take before it counts as unreachable. */
    static final Duration SYNC_TIMEOUT = Duration.ofSeconds(10);
    /** Longest pause between attempts to reconnect to Redis. */
    static final Duration RECONNECT_AT_MOST = Duration.ofSeconds(2);

    @Bean
    InMemoryPerformanceSeatings performanceSeatings() {
        return new InMemoryPerformanceSeatings();
    }

    /**
     * Hold tokens signed with a secret kept in the data folder, so a sale interrupted by a crash can
     * still confirm its hold after the restart.
     */
    @Bean
    HoldTokens holdTokens(HoldProperties properties, Environment environment) {
        if (!properties.tokenSecret().isEmpty()) {
            return new HoldTokens(properties.tokenSecret().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        return new HoldTokens(LocalSecret.loadOrCreate(ClientProperties.dataDir(environment).resolve("hold-token.secret")));
    }

    /** The card terminal. Simulated: the clerk (or a test) chooses approve, decline or no answer. */
    @Bean
    SimulatedPaymentProvider cardTerminal(ClientProperties properties) {
        return new SimulatedPaymentProvider(new SimulatedPaymentProvider.Settings(
                properties.cardLatency(), properties.cardLatency(), 0, 0));
    }

    @Bean
    TransactionTemplate transactionTemplate(PlatformTransactionManager transactions) {
        return new TransactionTemplate(transactions);
    }

    /** The shared live seat state (Redis): what the terminal sells from while it is online. */
    @Bean
    RedisHoldStore liveHoldStore(RedisScripts scripts, Clock clock, InMemoryPerformanceSeatings seatings, HoldTokens tokens,
                                 HoldProperties properties) {
        return new RedisHoldStore(scripts, clock, seatings, tokens, properties.endedRetention(), properties.sweepBatch());
    }

    /** The terminal's own seat state in its journal: what it sells from while the seat server is away. */
    @Bean
    LocalHoldStore localHoldStore(DataSource journal, Clock clock, InMemoryPerformanceSeatings seatings, HoldTokens tokens,
                                  HoldProperties properties) {
        return new LocalHoldStore(journal, clock, seatings, tokens, properties.endedRetention());
    }

    /**
     * The hold store every screen and the sale service use: the live state while online, the
     * terminal's own while offline.
     */
    @Bean
    @Primary
    TerminalHoldStore terminalHoldStore(RedisHoldStore live, LocalHoldStore local, OfflineSnapshotRepository snapshots,
                                        OutboxRepository outbox, InMemoryPerformanceSeatings seatings,
                                        ClientProperties properties, Clock clock) {
        return new TerminalHoldStore(live, local, snapshots, outbox, seatings, properties.terminalId(), clock);
    }

    @Bean
    RedisAllocations redisAllocations(RedisScripts scripts, InMemoryPerformanceSeatings seatings) {
        return new RedisAllocations(scripts, seatings);
    }

    @Bean
    TerminalLink terminalLink(TerminalHoldStore store, RedisHoldStore live, RedisAllocations allocations,
                              OutboxRepository outbox, InMemoryPerformanceSeatings seatings, ClientProperties properties,
                              Clock clock) {
        return new TerminalLink(store, live, allocations, outbox, seatings, properties.terminalId(), clock);
    }

    @Bean
    OfflineSelling offlineSelling(TerminalLink link, TerminalHoldStore store, OfflineSnapshotRepository snapshots,
                                  ClientProperties properties) {
        return new OfflineSelling(link, store, snapshots, properties.terminalId(), ZoneId.systemDefault());
    }

    @Bean
    SnapshotRefresher snapshotRefresher(TerminalLink link, DemoCatalog catalog, ClientProperties properties) {
        return new SnapshotRefresher(link, catalog, properties.snapshotEvery());
    }

    /**
     * Every sale this terminal confirms, queued in its journal for the sync server in the same
     * transaction, so central PostgreSQL gets every sale the terminal made, with how its seats were
     * taken (online, offline from the terminal's allocation, or offline at risk).
     */
    @Bean
    TerminalOutbox terminalOutbox(OutboxRepository outbox, ClientProperties properties, Clock clock,
                                  TerminalHoldStore store) {
        return new TerminalOutbox(outbox, properties.terminalId(), clock, store::modeOf);
    }

    /** The sync server, with this terminal's credential; only when one is configured. */
    @Bean
    @ConditionalOnExpression("!'${boxoffice.client.sync-url:}'.isBlank()")
    SyncClient syncClient(ClientProperties properties) {
        return new SyncClient(URI.create(properties.syncUrl()), properties.syncCredential(), SYNC_TIMEOUT);
    }

    /** Delivers the outbox to the sync server; only when one is configured. */
    @Bean
    @ConditionalOnExpression("!'${boxoffice.client.sync-url:}'.isBlank()")
    OutboxUploader outboxUploader(OutboxRepository outbox, SyncClient client, ClientProperties properties,
                                  TransactionTemplate tx, Clock clock) {
        return new OutboxUploader(outbox, client, properties.terminalId(), tx, clock, UPLOAD_BATCH);
    }

    @Bean
    SyncStatus syncStatus(OutboxRepository outbox, ObjectProvider<OutboxUploader> uploader, ClientProperties properties,
                          DemoCatalog catalog, InMemoryPerformanceSeatings seatings) {
        return new SyncStatus(outbox, uploader.getIfAvailable(), properties.terminalId(), UPLOAD_EVERY,
                (performanceId, seatId) -> {
                    try {
                        return catalog.seatNames(seatings.seating(performanceId).performance().venueId()).of(seatId);
                    } catch (RuntimeException unknown) {
                        // a performance this terminal does not know: its seat id is all there is to show
                        return seatId;
                    }
                });
    }

    @Bean
    SaleService saleService(HoldStore holds, InMemoryPerformanceSeatings seatings, HoldTokens tokens, PaymentProvider cards,
                            SaleOrderRepository orders, PaymentRepository payments, TicketRepository tickets,
                            RefundRepository refunds, TransactionTemplate tx, Clock clock, TerminalOutbox outbox) {
        return new SaleService(holds, seatings, tokens, cards, orders, payments, tickets, refunds, tx, clock,
                SaleCheckpoints.NONE, CARD_ANSWER_TIME, outbox);
    }

    /** The venues and performances this terminal sells, written to its journal (its sales refer to them). */
    @Bean
    DemoCatalog.Journal catalogJournal(VenueRepository venues, PerformanceRepository performances, TransactionTemplate tx,
                                       Clock clock) {
        return (venue, performance) -> tx.executeWithoutResult(status -> {
            if (!venues.existsById(venue.id())) {
                venues.save(VenueEntity.from(venue, VenueJson.write(venue), clock.instant()));
            }
            performances.save(PerformanceEntity.from(performance));
        });
    }

    @Bean
    DemoCatalog demoCatalog(InMemoryPerformanceSeatings seatings, HoldStore holds, DemoCatalog.Journal journal, Clock clock) {
        return new DemoCatalog(seatings, holds, journal, clock);
    }

    @Bean
    PerformanceListViewModel performanceListViewModel(DemoCatalog catalog, TerminalHoldStore holds) {
        return new PerformanceListViewModel(catalog, holds, holds::isOffline);
    }

    /** A new live seat map each time one is opened (each reads the feed on its own connection). */
    @Bean
    Supplier<SeatMapViewModel> seatMapViewModels(DemoCatalog catalog, InMemoryPerformanceSeatings seatings,
                                                 TerminalHoldStore holds, RedisClient redis) {
        return () -> new SeatMapViewModel(catalog, seatings, holds, redis, holds::isOffline);
    }

    /**
     * Redis for a terminal: while the connection is down, calls fail at once instead of queueing
     * (a clerk is told to wait rather than watching a spinner), and none waits more than a few seconds.
     */
    @Bean(destroyMethod = "shutdown")
    RedisClient redisClient(HoldProperties properties, ClientResources resources) {
        RedisClient client = RedisClient.create(resources, properties.redisUrl());
        client.setOptions(ClientOptions.builder()
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .timeoutOptions(TimeoutOptions.enabled(Duration.ofSeconds(5)))
                .build());
        return client;
    }

    /**
     * Reconnects to Redis at least every {@link #RECONNECT_AT_MOST} however long it was away, so a
     * terminal is back online within seconds of the network returning.
     */
    @Bean(destroyMethod = "shutdown")
    ClientResources redisClientResources() {
        return DefaultClientResources.builder()
                .reconnectDelay(Delay.exponential(Duration.ofMillis(100), RECONNECT_AT_MOST, 2, TimeUnit.MILLISECONDS))
                .build();
    }

    @Bean(destroyMethod = "close")
    ConnectionMonitor connectionMonitor(StatefulRedisConnection<String, String> connection, Clock clock,
                                        OfflineSelling offline) {
        return new ConnectionMonitor(connection, Duration.ofSeconds(2), clock, offline);
    }

    @Bean
    BoxOfficeDesk boxOfficeDesk(SaleService sales, HoldStore holds, Clock clock, DemoCatalog catalog,
                                InMemoryPerformanceSeatings seatings, Supplier<SeatMapViewModel> seatMapViewModels,
                                ClientProperties properties, TicketFiles tickets, OfflineSelling offline) {
        return new BoxOfficeDesk(sales, holds, clock, catalog, seatings, seatMapViewModels, properties.terminalId(), tickets,
                offline::offlineSeats);
    }

    @Bean
    KioskDesk kioskDesk(SaleService sales, HoldStore holds, Clock clock, DemoCatalog catalog,
                        InMemoryPerformanceSeatings seatings, Supplier<SeatMapViewModel> seatMapViewModels,
                        ClientProperties properties, StaffDirectory staff, TicketFiles tickets, OfflineSelling offline) {
        return new KioskDesk(sales, holds, clock, catalog, seatings, seatMapViewModels, properties.terminalId(), tickets,
                new KioskExitPin(properties.kioskPin(), pin -> staff.verifyManagerPin(pin).isPresent()),
                offline::offlineSeats);
    }

    @Bean
    StaffDirectory staffDirectory(StaffRepository staff, AuditEventRepository audit, TransactionTemplate tx, Clock clock) {
        return new StaffDirectory(staff, audit, tx, clock);
    }

    @Bean
    ShiftService shiftService(ShiftRepository shifts, OpenShiftRepository openShifts, StaffRepository staff,
                              TillTotals till, AuditEventRepository audit, TransactionTemplate tx, Clock clock) {
        return new ShiftService(shifts, openShifts, staff, new TillShiftTotals(till), audit, tx, clock);
    }

    @Bean
    TillTotals tillTotals(PaymentRepository payments, TicketRepository tickets, RefundRepository refunds) {
        return new TillTotals(payments, tickets, refunds);
    }

    @Bean
    OrderLookup orderLookup(SaleOrderRepository orders, PaymentRepository payments, TicketRepository tickets,
                            RefundRepository refunds) {
        return new OrderLookup(orders, payments, tickets, refunds);
    }

    /**
     * A manager's blocks and allocations: through the sync server when there is one, so central
     * PostgreSQL records them; straight to the live state in the demo.
     */
    @Bean
    ManagerDesk managerDesk(HoldStore holds, InMemoryPerformanceSeatings seatings,
                            Supplier<SeatMapViewModel> seatMapViewModels, ObjectProvider<SyncClient> sync) {
        SyncClient client = sync.getIfAvailable();
        SeatAssignments assignments = client == null ? SeatAssignments.live(holds) : SeatAssignments.central(client);
        return new ManagerDesk(holds, assignments, seatings, seatMapViewModels);
    }

    /**
     * Tickets saved as PDF in the data folder, signed with this terminal's own key (made on first
     * start; its public half, {@code keys/ticket-public-key.pem}, is what door scanners need).
     */
    @Bean
    TicketFiles ticketFiles(Environment environment, InMemoryPerformanceSeatings seatings, DemoCatalog catalog, Clock clock) {
        Path data = ClientProperties.dataDir(environment);
        TicketSigner signer = new TicketSigner(TicketKeys.loadOrCreate(data.resolve("keys")).getPrivate());
        return new TicketFiles(data.resolve("tickets"), signer, seatings, catalog, ZoneId.systemDefault(), clock);
    }
}
