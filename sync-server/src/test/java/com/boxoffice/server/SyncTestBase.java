package com.boxoffice.server;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import com.boxoffice.core.hold.HoldStore;
import com.boxoffice.core.performance.PerformanceRepository;
import com.boxoffice.core.performance.SeatAssignmentRepository;
import com.boxoffice.core.staff.StaffDirectory;
import com.boxoffice.core.terminal.TerminalRepository;
import com.boxoffice.core.venue.VenueRepository;
import com.boxoffice.server.catalog.SeatStates;

/** The running server and a {@link SyncFixture} for it; Redis emptied before every test. */
@SyncServerTest
public abstract class SyncTestBase {

    @LocalServerPort
    protected int port;
    @Autowired
    protected JdbcTemplate jdbc;
    @Autowired
    protected HoldStore holds;
    @Autowired
    private VenueRepository venues;
    @Autowired
    private PerformanceRepository performances;
    @Autowired
    private SeatAssignmentRepository assignments;
    @Autowired
    private TerminalRepository terminals;
    @Autowired
    private StaffDirectory staff;
    @Autowired
    private TransactionTemplate tx;
    @Autowired
    private SeatStates seatStates;

    protected SyncFixture fx;

    @BeforeEach
    void startClean() {
        SyncFixture.emptyRedis();
        fx = new SyncFixture(port, jdbc, holds, venues, performances, assignments, terminals, staff, tx, seatStates);
    }
}
