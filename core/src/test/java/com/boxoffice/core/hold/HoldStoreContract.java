package com.boxoffice.core.hold;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.boxoffice.core.performance.Channel;
import com.boxoffice.core.performance.Performance;

/**
 * The behaviour every hold store must show. Each store's test class extends this and supplies the
 * store; the same cases then run against Redis and against the local (offline) store.
 */
abstract class HoldStoreContract {

    protected MutableClock clock;
    protected InMemoryPerformanceSeatings seatings;
    protected HoldStore store;
    protected Performance performance;
    protected String perf;

    /** A store over the given clock and performances. */
    protected abstract HoldStore newStore(MutableClock clock, PerformanceSeatings seatings);

    @BeforeEach
    void setUpPerformance() {
        clock = new MutableClock(TestSeating.START);
        seatings = new InMemoryPerformanceSeatings();
        performance = TestSeating.performance(4);
        perf = performance.id();
        seatings.register(performance, TestSeating.venue());
        store = newStore(clock, seatings);
        store.load(perf, List.of(), Map.of());
    }

    protected HoldRequest online(String buyer, SeatSelection selection) {
        return new HoldRequest(perf, null, "web:" + buyer, buyer, Channel.ONLINE, null, selection);
    }

    protected HoldRequest window(SeatSelection selection) {
        return new HoldRequest(perf, null, "clerk-1", null, Channel.BOX_OFFICE, "T1", selection);
    }

    protected SeatState state(String seatId) {
        return store.availability(perf).stateOf(seatings.seating(perf).layout().indexOf(seatId));
    }

    protected String states() {
        return store.availability(perf).states();
    }

    // --- holding exact seats ---

    @Test
    void heldSeatsShowAsHeldAndTheHoldCarriesItsExpiry() {
        Hold hold = store.hold(online("ann", SeatSelection.seats("STALLS-A-1", "STALLS-A-2")));

        assertThat(hold.seatIds()).containsExactly("STALLS-A-1", "STALLS-A-2");
        assertThat(hold.status()).isEqualTo(HoldStatus.HELD);
        assertThat(hold.expiresAt()).isEqualTo(TestSeating.START.plus(TestSeating.HOLDS.online()));
        assertThat(hold.holdId()).startsWith(perf + ".");
        assertThat(state("STALLS-A-1")).isEqualTo(SeatState.HELD);
        assertThat(state("STALLS-A-3")).isEqualTo(SeatState.AVAILABLE);
        assertThat(store.availability(perf).count(SeatState.HELD)).isEqualTo(2);
    }

    @Test
    void secondBuyerOfAHeldSeatIsRefusedAndNothingChanges() {
        store.hold(online("ann", SeatSelection.seats("STALLS-A-1")));
        String before = states();

        assertThatThrownBy(() -> store.hold(online("bob", SeatSelection.seats("STALLS-A-2", "STALLS-A-1"))))
                .isInstanceOfSatisfying(SeatUnavailableException.class,
                        e -> assertThat(e.seatIds()).containsExactly("STALLS-A-1"));
        assertThat(states()).isEqualTo(before);
        assertThat(state("STALLS-A-2")).isEqualTo(SeatState.AVAILABLE);
    }

    @Test
    void unknownSeatIsRefusedAndNothingChanges() {
        String before = states();
        assertThatThrownBy(() -> store.hold(online("ann", SeatSelection.seats("STALLS-A-1", "STALLS-Z-99"))))
                .isInstanceOf(UnknownSeatException.class).hasMessageContaining("STALLS-Z-99");
        assertThat(states()).isEqualTo(before);
    }

    @Test
    void seatListedTwiceOrNoSeatsAtAllIsRefused() {
        String before = states();
        assertThatThrownBy(() -> store.hold(online("ann", SeatSelection.seats("STALLS-A-1", "STALLS-A-1"))))
                .isInstanceOf(InvalidHoldRequestException.class);
        assertThatThrownBy(() -> store.hold(online("ann", new SeatSelection.Seats(List.of()))))
                .isInstanceOf(InvalidHoldRequestException.class);
        assertThat(states()).isEqualTo(before);
    }

    @Test
    void unknownPerformanceIsRefused() {
        assertThatThrownBy(() -> store.hold(new HoldRequest("no-such-show", null, "x", "x", Channel.ONLINE, null,
                SeatSelection.seats("STALLS-A-1")))).isInstanceOf(UnknownPerformanceException.class);
    }

    @Test
    void holdsAreTakenOnlyWhileThePerformanceIsOnSale() {
        Performance later = TestSeating.performance(4, TestSeating.START.plus(Duration.ofDays(1)), TestSeating.START.plus(Duration.ofDays(2)));
        seatings.register(later, TestSeating.venue());
        store.load(later.id(), List.of(), Map.of());
        HoldRequest online = new HoldRequest(later.id(), null, "web", "ann", Channel.ONLINE, null, SeatSelection.seats("STALLS-A-1"));
        HoldRequest kiosk = new HoldRequest(later.id(), null, "kiosk-1", "ann", Channel.KIOSK, "K1", SeatSelection.seats("STALLS-A-1"));
        HoldRequest window = new HoldRequest(later.id(), null, "clerk", null, Channel.BOX_OFFICE, "T1", SeatSelection.seats("STALLS-A-2"));

        assertThatThrownBy(() -> store.hold(online)).isInstanceOf(NotOnSaleException.class).hasMessageContaining("open at");
        assertThatThrownBy(() -> store.hold(kiosk)).isInstanceOf(NotOnSaleException.class);
        assertThat(store.hold(window).seatIds()).containsExactly("STALLS-A-2");

        clock.advance(Duration.ofDays(1));
        assertThat(store.hold(online).seatIds()).containsExactly("STALLS-A-1");

        clock.advance(Duration.ofDays(1));
        HoldRequest late = new HoldRequest(later.id(), null, "clerk", null, Channel.BOX_OFFICE, "T1", SeatSelection.seats("STALLS-A-3"));
        assertThatThrownBy(() -> store.hold(late)).isInstanceOf(NotOnSaleException.class).hasMessageContaining("closed at");
        assertThat(store.availability(later.id()).count(SeatState.HELD)).isEqualTo(2);
    }

    @Test
    void buyerCannotHoldMoreThanThePerformanceLimit() {
        store.hold(online("ann", SeatSelection.seats("STALLS-A-1", "STALLS-A-2", "STALLS-A-3")));
        String before = states();

        assertThatThrownBy(() -> store.hold(online("ann", SeatSelection.seats("STALLS-B-1", "STALLS-B-2"))))
                .isInstanceOf(LimitExceededException.class);
        assertThat(states()).isEqualTo(before);
        // another buyer is not affected, and the same buyer may still take the one seat left to her
        store.hold(online("bob", SeatSelection.seats("STALLS-B-1", "STALLS-B-2")));
        store.hold(online("ann", SeatSelection.seats("STALLS-C-1")));
    }

    @Test
    void releasedSeatsCountNoLongerAgainstTheBuyer() {
        Hold hold = store.hold(online("ann", SeatSelection.seats("STALLS-A-1", "STALLS-A-2", "STALLS-A-3", "STALLS-A-4")));
        store.release(hold.holdId(), hold.token());
        Hold again = store.hold(online("ann", SeatSelection.seats("STALLS-B-1", "STALLS-B-2", "STALLS-B-3", "STALLS-B-4")));
        assertThat(again.seatIds()).hasSize(4);
    }

    @Test
    void windowSalesAreNotBoundByThePerBuyerLimit() {
        Hold hold = store.hold(window(SeatSelection.seats("STALLS-C-1", "STALLS-C-2", "STALLS-C-3", "STALLS-C-4",
                "STALLS-C-5", "STALLS-C-6")));
        assertThat(hold.seatIds()).hasSize(6);
        assertThat(hold.expiresAt()).isEqualTo(TestSeating.START.plus(TestSeating.HOLDS.boxOffice()));
    }

    @Test
    void sameRequestSentTwiceHoldsOnceAndAnswersTheSame() {
        HoldRequest request = new HoldRequest(perf, "req-42", "web:ann", "ann", Channel.ONLINE, null,
                SeatSelection.seats("STALLS-A-1", "STALLS-A-2"));
        Hold first = store.hold(request);
        Hold second = store.hold(request);

        assertThat(second).isEqualTo(first);
        assertThat(store.availability(perf).count(SeatState.HELD)).isEqualTo(2);
        // the buyer was counted once: two more seats are still allowed
        store.hold(online("ann", SeatSelection.seats("STALLS-B-1", "STALLS-B-2")));
    }

    // --- tokens, release, confirm ---

    @Test
    void onlyTheTokenHolderMayExtendReleaseOrConfirm() {
        Hold hold = store.hold(online("ann", SeatSelection.seats("STALLS-A-1")));
        Hold other = store.hold(online("bob", SeatSelection.seats("STALLS-A-2")));
        String before = states();

        assertThatThrownBy(() -> store.release(hold.holdId(), other.token())).isInstanceOf(WrongHoldTokenException.class);
        assertThatThrownBy(() -> store.confirm(hold.holdId(), "forged", "order-1")).isInstanceOf(WrongHoldTokenException.class);
        assertThatThrownBy(() -> store.extend(hold.holdId(), other.token())).isInstanceOf(WrongHoldTokenException.class);
        assertThat(states()).isEqualTo(before);
    }

    @Test
    void unknownHoldIsRefused() {
        assertThatThrownBy(() -> store.release(perf + ".nothing", "t")).isInstanceOf(UnknownHoldException.class);
        assertThatThrownBy(() -> store.confirm("not-a-hold-id", "t", "o")).isInstanceOf(UnknownHoldException.class);
    }

    @Test
    void releaseFreesTheSeatsAndReleasingAgainChangesNothing() {
        Hold hold = store.hold(online("ann", SeatSelection.seats("STALLS-A-1", "STALLS-A-2")));
        Hold released = store.release(hold.holdId(), hold.token());
        assertThat(released.status()).isEqualTo(HoldStatus.RELEASED);
        assertThat(state("STALLS-A-1")).isEqualTo(SeatState.AVAILABLE);

        Hold taken = store.hold(online("bob", SeatSelection.seats("STALLS-A-1")));
        assertThat(store.release(hold.holdId(), hold.token()).status()).isEqualTo(HoldStatus.RELEASED);
        assertThat(state("STALLS-A-1")).isEqualTo(SeatState.HELD);
        assertThat(taken.seatIds()).containsExactly("STALLS-A-1");
    }

    @Test
    void confirmSellsTheSeatsAndConfirmingTwiceKeepsTheFirstOrder() {
        Hold hold = store.hold(online("ann", SeatSelection.seats("STALLS-A-1", "STALLS-A-2")));
        Hold sold = store.confirm(hold.holdId(), hold.token(), "order-1");
        Hold again = store.confirm(hold.holdId(), hold.token(), "order-2");

        assertThat(sold.status()).isEqualTo(HoldStatus.CONFIRMED);
        assertThat(sold.orderId()).isEqualTo("order-1");
        assertThat(again.orderId()).isEqualTo("order-1");
        assertThat(state("STALLS-A-1")).isEqualTo(SeatState.SOLD);
        assertThat(store.availability(perf).count(SeatState.SOLD)).isEqualTo(2);
        assertThatThrownBy(() -> store.release(hold.holdId(), hold.token())).isInstanceOf(HoldConfirmedException.class);
        assertThat(state("STALLS-A-2")).isEqualTo(SeatState.SOLD);
    }

    @Test
    void aReleasedHoldCannotBeConfirmed() {
        Hold hold = store.hold(online("ann", SeatSelection.seats("STALLS-A-1")));
        store.release(hold.holdId(), hold.token());
        assertThatThrownBy(() -> store.confirm(hold.holdId(), hold.token(), "order-1")).isInstanceOf(HoldEndedException.class);
        assertThat(state("STALLS-A-1")).isEqualTo(SeatState.AVAILABLE);
    }

    // --- expiry ---

    @Test
    void sweepReleasesHoldsPastTheirTimeAndNeverConfirmedOnes() {
        Hold lapsing = store.hold(online("ann", SeatSelection.seats("STALLS-A-1")));
        Hold paid = store.hold(online("bob", SeatSelection.seats("STALLS-A-2")));
        Hold windowHold = store.hold(window(SeatSelection.seats("STALLS-A-3")));
        store.confirm(paid.holdId(), paid.token(), "order-1");

        clock.advance(TestSeating.HOLDS.boxOffice().plusSeconds(1));
        SweepResult early = store.sweep(perf);
        assertThat(early.expired()).isEqualTo(1);
        assertThat(state("STALLS-A-3")).isEqualTo(SeatState.AVAILABLE);
        assertThat(state("STALLS-A-1")).isEqualTo(SeatState.HELD);
        assertThat(early.nextDue()).contains(lapsing.expiresAt());

        clock.advance(TestSeating.HOLDS.online());
        SweepResult late = store.sweep(perf);
        assertThat(late.expired()).isEqualTo(1);
        assertThat(late.nextDue()).isEmpty();
        assertThat(state("STALLS-A-1")).isEqualTo(SeatState.AVAILABLE);
        assertThat(state("STALLS-A-2")).isEqualTo(SeatState.SOLD);
        assertThat(store.sweep(perf).expired()).isZero();
        assertThatThrownBy(() -> store.extend(windowHold.holdId(), windowHold.token())).isInstanceOf(HoldEndedException.class);
        assertThat(store.confirm(lapsing.holdId(), lapsing.token(), "order-2").status()).isEqualTo(HoldStatus.CONFIRMED);
    }

    @Test
    void holdsNotYetDueSurviveTheSweep() {
        store.hold(online("ann", SeatSelection.seats("STALLS-A-1")));
        clock.advance(TestSeating.HOLDS.online().minusSeconds(1));
        assertThat(store.sweep(perf).expired()).isZero();
        assertThat(state("STALLS-A-1")).isEqualTo(SeatState.HELD);
    }

    @Test
    void anExtendedHoldOutlivesItsFirstExpiryUpToTheExtensionLimit() {
        Hold hold = store.hold(online("ann", SeatSelection.seats("STALLS-A-1")));
        clock.advance(Duration.ofMinutes(8));
        Hold extended = store.extend(hold.holdId(), hold.token());
        assertThat(extended.expiresAt()).isEqualTo(clock.instant().plus(TestSeating.HOLDS.online()));

        clock.advance(Duration.ofMinutes(5));
        assertThat(store.sweep(perf).expired()).isZero();
        assertThat(state("STALLS-A-1")).isEqualTo(SeatState.HELD);

        store.extend(hold.holdId(), hold.token());
        assertThatThrownBy(() -> store.extend(hold.holdId(), hold.token())).isInstanceOf(ExtensionLimitException.class);
    }

    @Test
    void aHoldPastItsTimeButNotYetSweptCannotBeExtended() {
        Hold hold = store.hold(online("ann", SeatSelection.seats("STALLS-A-1")));
        clock.advance(TestSeating.HOLDS.online().plusSeconds(1));
        assertThatThrownBy(() -> store.extend(hold.holdId(), hold.token()))
                .isInstanceOfSatisfying(HoldExpiredException.class, e -> assertThat(e.takenSeatIds()).isEmpty());
        assertThat(state("STALLS-A-1")).isEqualTo(SeatState.HELD);
    }

    @Test
    void anExpiredHoldCannotBeExtended() {
        Hold hold = store.hold(online("ann", SeatSelection.seats("STALLS-A-1")));
        clock.advance(TestSeating.HOLDS.online().plusSeconds(1));
        store.sweep(perf);
        assertThatThrownBy(() -> store.extend(hold.holdId(), hold.token())).isInstanceOf(HoldEndedException.class);
    }

    @Test
    void confirmingAnExpiredHoldWhoseSeatWasTakenFailsNamingTheSeat() {
        Hold hold = store.hold(online("ann", SeatSelection.seats("STALLS-A-1", "STALLS-A-2")));
        clock.advance(TestSeating.HOLDS.online().plusSeconds(1));
        store.sweep(perf);
        store.hold(online("bob", SeatSelection.seats("STALLS-A-2")));

        assertThatThrownBy(() -> store.confirm(hold.holdId(), hold.token(), "order-1"))
                .isInstanceOfSatisfying(HoldExpiredException.class,
                        e -> assertThat(e.takenSeatIds()).containsExactly("STALLS-A-2"));
        assertThat(state("STALLS-A-1")).isEqualTo(SeatState.AVAILABLE);
        assertThat(state("STALLS-A-2")).isEqualTo(SeatState.HELD);
    }

    @Test
    void confirmingAnExpiredHoldWhoseSeatsAreStillFreeSellsThem() {
        Hold hold = store.hold(online("ann", SeatSelection.seats("STALLS-A-1")));
        clock.advance(TestSeating.HOLDS.online().plusSeconds(1));
        store.sweep(perf);
        Hold sold = store.confirm(hold.holdId(), hold.token(), "order-1");
        assertThat(sold.status()).isEqualTo(HoldStatus.CONFIRMED);
        assertThat(state("STALLS-A-1")).isEqualTo(SeatState.SOLD);
    }

    // --- best available ---

    @Test
    void bestAvailableTakesTheBestSeatsTogetherInTheRightCategory() {
        Hold hold = store.hold(online("ann", SeatSelection.best(2, "A")));
        assertThat(hold.seatIds()).containsExactlyInAnyOrder("STALLS-A-5", "STALLS-A-6");

        Hold back = store.hold(online("bob", SeatSelection.best(3, "B")));
        assertThat(back.seatIds()).allMatch(id -> id.startsWith("STALLS-C-"));
    }

    @Test
    void bestAvailableKeepsAGroupOnOneSideOfTheAisle() {
        Hold hold = store.hold(online("ann", SeatSelection.best(4, "A")));
        List<Integer> numbers = hold.seatIds().stream().map(id -> Integer.parseInt(id.substring(id.lastIndexOf('-') + 1))).toList();
        assertThat(numbers.stream().allMatch(n -> n <= 6) || numbers.stream().allMatch(n -> n >= 7)).isTrue();
        assertThat(hold.seatIds()).allMatch(id -> id.startsWith("STALLS-A-"));
    }

    @Test
    void bestAvailableLeavesNoSingleSeatStrandedWhenItCanAvoidIt() {
        // Row A left half: seats 1..6. Take 1 and 2, leaving 3..6 (four seats).
        store.hold(window(SeatSelection.seats("STALLS-A-1", "STALLS-A-2", "STALLS-A-7", "STALLS-A-8",
                "STALLS-A-9", "STALLS-A-10", "STALLS-A-11", "STALLS-A-12")));
        // Three seats in row A would strand seat 3 or 6; row B offers three without a lone seat.
        Hold hold = store.hold(online("ann", SeatSelection.best(3, "A")));
        String states = states();
        SeatLayout layout = seatings.seating(perf).layout();
        for (String row : List.of("A", "B")) {
            for (int[] half : new int[][] {{1, 6}, {7, 12}}) {
                int run = 0;
                boolean lone = false;
                for (int s = half[0]; s <= half[1] + 1; s++) {
                    boolean free = s <= half[1] && states.charAt(layout.indexOf("STALLS-" + row + "-" + s)) == '.';
                    if (free) {
                        run++;
                    } else {
                        lone |= run == 1;
                        run = 0;
                    }
                }
                assertThat(lone).as("lone free seat in row %s %s after %s", row, half[0], hold.seatIds()).isFalse();
            }
        }
    }

    @Test
    void bestAvailableHonoursAWheelchairRequest() {
        Hold hold = store.hold(online("ann", new SeatSelection.BestAvailable(2, "C", 1)));
        assertThat(hold.seatIds()).hasSize(2);
        SeatLayout layout = seatings.seating(perf).layout();
        assertThat(hold.seatIds().stream().filter(id -> layout.isWheelchairSpace(layout.indexOf(id)))).hasSize(1);
        // ordinary buyers are not given wheelchair spaces
        Hold plain = store.hold(online("bob", SeatSelection.best(1, "C")));
        assertThat(layout.isWheelchairSpace(layout.indexOf(plain.seatIds().get(0)))).isFalse();
    }

    @Test
    void bestAvailableSaysSoWhenNoGroupFitsAndChangesNothing() {
        store.hold(window(SeatSelection.seats("STALLS-A-1", "STALLS-A-3", "STALLS-A-5", "STALLS-A-7", "STALLS-A-9",
                "STALLS-A-11", "STALLS-B-1", "STALLS-B-3", "STALLS-B-5", "STALLS-B-7", "STALLS-B-9", "STALLS-B-11")));
        String before = states();
        assertThatThrownBy(() -> store.hold(online("ann", SeatSelection.best(2, "A")))).isInstanceOf(NotEnoughSeatsException.class);
        assertThat(states()).isEqualTo(before);
    }

    @Test
    void bestAvailableRefusesCountsOutOfRange() {
        assertThatThrownBy(() -> store.hold(online("ann", SeatSelection.best(0, "A")))).isInstanceOf(InvalidHoldRequestException.class);
        assertThatThrownBy(() -> store.hold(online("ann", SeatSelection.best(-3, "A")))).isInstanceOf(InvalidHoldRequestException.class);
        assertThatThrownBy(() -> store.hold(online("ann", SeatSelection.best(500, null)))).isInstanceOf(InvalidHoldRequestException.class);
        assertThatThrownBy(() -> store.hold(online("ann", SeatSelection.best(2, "Z")))).isInstanceOf(InvalidHoldRequestException.class);
        assertThat(store.availability(perf).count(SeatState.HELD)).isZero();
    }

    // --- blocking, allocation, journal sales, refunds ---

    @Test
    void blockedSeatsCannotBeHeldUntilUnblocked() {
        assertThat(store.block(perf, List.of("STALLS-A-1"), "broken")).containsExactly("STALLS-A-1");
        assertThatThrownBy(() -> store.hold(online("ann", SeatSelection.seats("STALLS-A-1")))).isInstanceOf(SeatUnavailableException.class);
        assertThat(store.block(perf, List.of("STALLS-A-1"), "broken")).isEmpty();
        store.unblock(perf, List.of("STALLS-A-1"));
        assertThat(store.hold(online("ann", SeatSelection.seats("STALLS-A-1"))).seatIds()).containsExactly("STALLS-A-1");
    }

    @Test
    void blockingAHeldSeatIsRefusedAndChangesNothing() {
        store.hold(online("ann", SeatSelection.seats("STALLS-A-1")));
        String before = states();
        assertThatThrownBy(() -> store.block(perf, List.of("STALLS-A-2", "STALLS-A-1"), "house")).isInstanceOf(SeatUnavailableException.class);
        assertThat(states()).isEqualTo(before);
    }

    @Test
    void allocatedSeatsCanOnlyBeHeldByTheirTerminalAndReturnToItOnRelease() {
        store.allocate(perf, List.of("STALLS-E-1", "STALLS-E-2"), "T1");
        assertThatThrownBy(() -> store.hold(online("ann", SeatSelection.seats("STALLS-E-1")))).isInstanceOf(SeatUnavailableException.class);

        Hold hold = store.hold(window(SeatSelection.seats("STALLS-E-1")));
        store.release(hold.holdId(), hold.token());
        assertThat(state("STALLS-E-1")).isEqualTo(SeatState.ALLOCATED);
        assertThatThrownBy(() -> store.deallocate(perf, List.of("STALLS-E-1"), "T2")).isInstanceOf(SeatUnavailableException.class);
        store.deallocate(perf, List.of("STALLS-E-1"), "T1");
        assertThat(state("STALLS-E-1")).isEqualTo(SeatState.AVAILABLE);
        assertThat(state("STALLS-E-2")).isEqualTo(SeatState.ALLOCATED);
    }

    @Test
    void journalSaleIsAppliedOnceAndConflictsAreNamed() {
        store.allocate(perf, List.of("STALLS-E-1"), "T1");
        JournalSale sale = new JournalSale("T1-0001", "T1", "order-t1-1", List.of("STALLS-E-1", "STALLS-E-2"));
        assertThat(store.applyJournalSale(perf, sale)).isEqualTo("order-t1-1");
        assertThat(store.applyJournalSale(perf, sale)).isEqualTo("order-t1-1");
        assertThat(store.availability(perf).count(SeatState.SOLD)).isEqualTo(2);

        store.hold(online("ann", SeatSelection.seats("STALLS-E-3")));
        String before = states();
        JournalSale late = new JournalSale("T2-0001", "T2", "order-t2-1", List.of("STALLS-E-3", "STALLS-E-1", "STALLS-E-4"));
        assertThatThrownBy(() -> store.applyJournalSale(perf, late))
                .isInstanceOfSatisfying(SaleConflictException.class, e -> assertThat(e.conflicts())
                        .containsExactlyInAnyOrderEntriesOf(Map.of("STALLS-E-3", SeatState.HELD, "STALLS-E-1", SeatState.SOLD)));
        assertThat(states()).isEqualTo(before);
    }

    @Test
    void aJournalSaleSentAgainAfterALoadIsAnsweredWithItsOrderAndChangesNothing() {
        store.allocate(perf, List.of("STALLS-E-1", "STALLS-E-2"), "T1");
        JournalSale sale = new JournalSale("T1-0001", "T1", "order-t1-1", List.of("STALLS-E-1", "STALLS-E-2"));
        store.applyJournalSale(perf, sale);
        // rebuilt from the database, which knows the seats as sold under the order
        store.load(perf, List.of(new DurableSeat("STALLS-E-1", SeatState.SOLD, "order-t1-1"),
                new DurableSeat("STALLS-E-2", SeatState.SOLD, "order-t1-1")), Map.of());
        Availability before = store.availability(perf);

        assertThat(store.applyJournalSale(perf, sale)).isEqualTo("order-t1-1");

        assertThat(store.availability(perf)).isEqualTo(before);
        // the sale is on record again: once its seats are refunded, sending it once more sells nothing
        store.refund(perf, "order-t1-1", List.of("STALLS-E-1", "STALLS-E-2"), null);
        assertThat(store.applyJournalSale(perf, sale)).isEqualTo("order-t1-1");
        assertThat(state("STALLS-E-1")).isEqualTo(SeatState.AVAILABLE);
        assertThat(state("STALLS-E-2")).isEqualTo(SeatState.AVAILABLE);
    }

    @Test
    void aJournalSaleWhoseSeatsAreOnlyPartlySoldUnderItsOrderIsStillAConflict() {
        JournalSale first = new JournalSale("T1-0001", "T1", "order-t1-1", List.of("STALLS-E-1"));
        store.applyJournalSale(perf, first);
        store.load(perf, List.of(new DurableSeat("STALLS-E-1", SeatState.SOLD, "order-t1-1")), Map.of());
        String before = states();

        JournalSale wider = new JournalSale("T1-0002", "T1", "order-t1-1", List.of("STALLS-E-1", "STALLS-E-3"));
        assertThatThrownBy(() -> store.applyJournalSale(perf, wider))
                .isInstanceOfSatisfying(SaleConflictException.class,
                        e -> assertThat(e.conflicts()).containsExactlyEntriesOf(Map.of("STALLS-E-1", SeatState.SOLD)));
        JournalSale other = new JournalSale("T2-0001", "T2", "order-t2-1", List.of("STALLS-E-1"));
        assertThatThrownBy(() -> store.applyJournalSale(perf, other))
                .isInstanceOfSatisfying(SaleConflictException.class,
                        e -> assertThat(e.conflicts()).containsExactlyEntriesOf(Map.of("STALLS-E-1", SeatState.SOLD)));
        assertThat(states()).isEqualTo(before);
        assertThat(store.applyJournalSale(perf, first)).isEqualTo("order-t1-1");
    }

    @Test
    void refundPutsOnlyThatOrdersSeatsBackOnSale() {
        Hold hold = store.hold(online("ann", SeatSelection.seats("STALLS-A-1", "STALLS-A-2")));
        store.confirm(hold.holdId(), hold.token(), "order-1");
        Hold other = store.hold(online("bob", SeatSelection.seats("STALLS-A-3")));
        store.confirm(other.holdId(), other.token(), "order-2");

        assertThat(store.refund(perf, "order-1", List.of("STALLS-A-1", "STALLS-A-3"), "ann")).containsExactly("STALLS-A-1");
        assertThat(store.refund(perf, "order-1", List.of("STALLS-A-1"), "ann")).isEmpty();
        assertThat(state("STALLS-A-1")).isEqualTo(SeatState.AVAILABLE);
        assertThat(state("STALLS-A-2")).isEqualTo(SeatState.SOLD);
        assertThat(state("STALLS-A-3")).isEqualTo(SeatState.SOLD);
    }

    // --- snapshot and rebuild ---

    @Test
    void countsFollowEveryChange() {
        int total = seatings.seating(perf).layout().size();
        Availability start = store.availability(perf);
        assertThat(start.count(SeatState.AVAILABLE)).isEqualTo(total);
        assertThat(start.freeIn("A")).isEqualTo(24);

        Hold hold = store.hold(online("ann", SeatSelection.seats("STALLS-A-1", "STALLS-C-1")));
        store.block(perf, List.of("STALLS-A-2"), "camera");
        store.confirm(hold.holdId(), hold.token(), "order-1");
        Availability after = store.availability(perf);
        assertThat(after.count(SeatState.AVAILABLE)).isEqualTo(total - 3);
        assertThat(after.count(SeatState.SOLD)).isEqualTo(2);
        assertThat(after.count(SeatState.BLOCKED)).isEqualTo(1);
        assertThat(after.freeIn("A")).isEqualTo(22);
        assertThat(after.freeIn("B")).isEqualTo(35);
    }

    @Test
    void rebuildRestoresDurableSeatsAndDropsLiveHolds() {
        Hold hold = store.hold(online("ann", SeatSelection.seats("STALLS-A-1")));
        List<String> dropped = store.load(perf, List.of(
                new DurableSeat("STALLS-B-1", SeatState.SOLD, "order-9"),
                new DurableSeat("STALLS-B-2", SeatState.BLOCKED, "house"),
                new DurableSeat("STALLS-B-3", SeatState.ALLOCATED, "T1")), Map.of("ann", 4));

        assertThat(dropped).containsExactly(hold.holdId());
        assertThat(state("STALLS-A-1")).isEqualTo(SeatState.AVAILABLE);
        assertThat(state("STALLS-B-1")).isEqualTo(SeatState.SOLD);
        assertThat(state("STALLS-B-2")).isEqualTo(SeatState.BLOCKED);
        assertThat(state("STALLS-B-3")).isEqualTo(SeatState.ALLOCATED);
        assertThatThrownBy(() -> store.hold(online("ann", SeatSelection.seats("STALLS-C-1")))).isInstanceOf(LimitExceededException.class);
        assertThat(store.refund(perf, "order-9", List.of("STALLS-B-1"), null)).containsExactly("STALLS-B-1");
    }

    @Test
    void reasonsOrdersAndBuyersWithSeparatorsInThemSurviveALoad() {
        String order = "order=1;part=2";
        String buyer = "ann;x=y@example.com";
        store.load(perf, List.of(
                new DurableSeat("STALLS-E-1", SeatState.BLOCKED, "camera; row=E; keep=clear"),
                new DurableSeat("STALLS-E-2", SeatState.SOLD, order),
                new DurableSeat("STALLS-E-3", SeatState.ALLOCATED, "T1")), Map.of(buyer, 4, "bob=", 1));

        assertThat(state("STALLS-E-1")).isEqualTo(SeatState.BLOCKED);
        assertThat(state("STALLS-E-2")).isEqualTo(SeatState.SOLD);
        assertThat(state("STALLS-E-3")).isEqualTo(SeatState.ALLOCATED);
        // each seat kept its owner exactly: the order refunds its seat, the terminal holds its own
        assertThat(store.refund(perf, order, List.of("STALLS-E-2"), null)).containsExactly("STALLS-E-2");
        assertThat(store.hold(window(SeatSelection.seats("STALLS-E-3"))).seatIds()).containsExactly("STALLS-E-3");
        // and each buyer kept their count
        assertThatThrownBy(() -> store.hold(online(buyer, SeatSelection.seats("STALLS-C-1"))))
                .isInstanceOf(LimitExceededException.class);
        assertThat(store.hold(online("bob=", SeatSelection.seats("STALLS-C-1", "STALLS-C-2", "STALLS-C-3"))).seatIds())
                .hasSize(3);
        assertThatThrownBy(() -> store.hold(online("bob=", SeatSelection.seats("STALLS-C-4"))))
                .isInstanceOf(LimitExceededException.class);
        assertThat(store.unblock(perf, List.of("STALLS-E-1"))).containsExactly("STALLS-E-1");
    }

    @Test
    void aLoadWithABuyerCountBelowZeroIsRefusedAndChangesNothing() {
        Hold hold = store.hold(online("ann", SeatSelection.seats("STALLS-A-1")));
        Availability before = store.availability(perf);

        assertThatThrownBy(() -> store.load(perf, List.of(), Map.of("ann", -1)))
                .isInstanceOf(InvalidHoldRequestException.class);

        assertThat(store.availability(perf)).isEqualTo(before);
        assertThat(store.release(hold.holdId(), hold.token()).status()).isEqualTo(HoldStatus.RELEASED);
    }

    @Test
    void aLoadNamingASeatTwiceIsRefusedAndChangesNothing() {
        Hold hold = store.hold(online("ann", SeatSelection.seats("STALLS-A-1")));
        store.block(perf, List.of("STALLS-A-2"), "camera");
        Availability before = store.availability(perf);

        assertThatThrownBy(() -> store.load(perf, List.of(
                new DurableSeat("STALLS-B-1", SeatState.SOLD, "order-9"),
                new DurableSeat("STALLS-B-2", SeatState.BLOCKED, "house"),
                new DurableSeat("STALLS-B-1", SeatState.ALLOCATED, "T1")), Map.of()))
                .isInstanceOf(InvalidHoldRequestException.class).hasMessageContaining("STALLS-B-1");

        assertThat(store.availability(perf)).isEqualTo(before);
        assertThat(state("STALLS-B-1")).isEqualTo(SeatState.AVAILABLE);
        // the live hold was not dropped
        assertThat(store.confirm(hold.holdId(), hold.token(), "order-1").status()).isEqualTo(HoldStatus.CONFIRMED);
    }

    // --- sales tally ---

    private HoldRequest at(Channel channel, String terminal, SeatSelection selection) {
        return new HoldRequest(perf, null, channel + "@" + terminal, null, channel, terminal, selection);
    }

    private Hold sell(HoldRequest request, String orderId) {
        Hold hold = store.hold(request);
        return store.confirm(hold.holdId(), hold.token(), orderId);
    }

    private static SalesTally tally(Channel channel, String terminal, long seats) {
        return new SalesTally(channel.name(), terminal, seats);
    }

    private long tallied(Availability availability) {
        return availability.salesTallies().stream().mapToLong(SalesTally::seats).sum();
    }

    @Test
    void eachSaleIsTalliedUnderItsChannelAndTerminal() {
        sell(at(Channel.BOX_OFFICE, "T1", SeatSelection.seats("STALLS-A-1", "STALLS-A-2")), "order-1");
        sell(at(Channel.BOX_OFFICE, "T2", SeatSelection.seats("STALLS-A-3")), "order-2");
        sell(at(Channel.KIOSK, "K1", SeatSelection.seats("STALLS-B-1", "STALLS-B-2", "STALLS-B-3")), "order-3");
        sell(at(Channel.KIOSK, "K2", SeatSelection.seats("STALLS-B-4")), "order-4");
        sell(online("ann", SeatSelection.seats("STALLS-C-1", "STALLS-C-2")), "order-5");
        sell(at(Channel.BOX_OFFICE, "T1", SeatSelection.seats("STALLS-C-3")), "order-6");
        store.hold(at(Channel.BOX_OFFICE, "T2", SeatSelection.seats("STALLS-D-1")));

        Availability now = store.availability(perf);

        assertThat(now.salesTallies()).containsExactly(
                tally(Channel.BOX_OFFICE, "T1", 3), tally(Channel.BOX_OFFICE, "T2", 1),
                tally(Channel.KIOSK, "K1", 3), tally(Channel.KIOSK, "K2", 1), tally(Channel.ONLINE, null, 2));
        assertThat(now.soldByChannel()).containsExactlyEntriesOf(new TreeMap<>(Map.of(
                "BOX_OFFICE", 4L, "KIOSK", 4L, "ONLINE", 2L)));
        assertThat(now.soldByTerminal()).containsExactlyEntriesOf(new TreeMap<>(Map.of(
                "K1", 3L, "K2", 1L, "T1", 3L, "T2", 1L)));
        assertThat(now.count(SeatState.SOLD)).isEqualTo(10);
        assertThat(now.count(SeatState.HELD)).isEqualTo(1);
        assertThat(now.freeIn("A")).isEqualTo(17);
    }

    @Test
    void nothingSoldMeansNoTallies() {
        store.hold(at(Channel.KIOSK, "K1", SeatSelection.seats("STALLS-A-1")));
        Availability now = store.availability(perf);
        assertThat(now.salesTallies()).isEmpty();
        assertThat(now.soldByChannel()).isEmpty();
        assertThat(now.soldByTerminal()).isEmpty();
    }

    @Test
    void confirmingTwiceTalliesTheSeatsOnce() {
        Hold hold = store.hold(at(Channel.KIOSK, "K1", SeatSelection.seats("STALLS-A-1", "STALLS-A-2")));
        store.confirm(hold.holdId(), hold.token(), "order-1");
        store.confirm(hold.holdId(), hold.token(), "order-1");

        assertThat(store.availability(perf).salesTallies()).containsExactly(tally(Channel.KIOSK, "K1", 2));
    }

    @Test
    void aHoldConfirmedAfterItExpiredIsTalliedUnderItsChannelAndTerminal() {
        Hold hold = store.hold(at(Channel.BOX_OFFICE, "T1", SeatSelection.seats("STALLS-A-1")));
        clock.advance(Duration.ofHours(1));
        store.sweep(perf);
        assertThat(store.availability(perf).salesTallies()).isEmpty();

        store.confirm(hold.holdId(), hold.token(), "order-1");

        assertThat(store.availability(perf).salesTallies()).containsExactly(tally(Channel.BOX_OFFICE, "T1", 1));
    }

    @Test
    void aPartialRefundTakesTheSeatsOffTheTallyThatSoldThemOnce() {
        sell(at(Channel.BOX_OFFICE, "T1", SeatSelection.seats("STALLS-A-1", "STALLS-A-2", "STALLS-A-3")), "order-1");
        sell(at(Channel.KIOSK, "K1", SeatSelection.seats("STALLS-B-1", "STALLS-B-2")), "order-2");

        assertThat(store.refund(perf, "order-1", List.of("STALLS-A-2", "STALLS-B-1"), null)).containsExactly("STALLS-A-2");
        assertThat(store.refund(perf, "order-1", List.of("STALLS-A-2", "STALLS-B-1"), null)).isEmpty();

        Availability now = store.availability(perf);
        assertThat(now.salesTallies()).containsExactly(tally(Channel.BOX_OFFICE, "T1", 2), tally(Channel.KIOSK, "K1", 2));
        assertThat(tallied(now)).isEqualTo(now.count(SeatState.SOLD));
    }

    @Test
    void refundingEverySeatOfAnOrderEmptiesItsTallyAndTheSeatsSellAgainElsewhere() {
        sell(at(Channel.BOX_OFFICE, "T1", SeatSelection.seats("STALLS-A-1", "STALLS-A-2")), "order-1");
        store.refund(perf, "order-1", List.of("STALLS-A-1", "STALLS-A-2"), null);
        assertThat(store.availability(perf).salesTallies()).isEmpty();

        sell(at(Channel.KIOSK, "K1", SeatSelection.seats("STALLS-A-1")), "order-2");

        assertThat(store.availability(perf).salesTallies()).containsExactly(tally(Channel.KIOSK, "K1", 1));
    }

    @Test
    void aJournalSaleIsTalliedUnderItsTerminalOnce() {
        store.allocate(perf, List.of("STALLS-E-1"), "T2");
        JournalSale sale = new JournalSale("T2-0001", "T2", "order-t2-1", List.of("STALLS-E-1", "STALLS-E-2"),
                Channel.BOX_OFFICE);
        JournalSale unsaid = new JournalSale("T3-0001", "T3", "order-t3-1", List.of("STALLS-E-3"));
        store.applyJournalSale(perf, sale);
        store.applyJournalSale(perf, sale);
        store.applyJournalSale(perf, unsaid);
        store.applyJournalSale(perf, unsaid);

        Availability now = store.availability(perf);
        assertThat(now.salesTallies()).containsExactly(tally(Channel.BOX_OFFICE, "T2", 2),
                new SalesTally(SalesTally.UNKNOWN_CHANNEL, "T3", 1));
        assertThat(now.soldByTerminal()).containsExactlyEntriesOf(new TreeMap<>(Map.of("T2", 2L, "T3", 1L)));
        assertThat(now.soldByChannel()).containsExactlyEntriesOf(new TreeMap<>(Map.of("BOX_OFFICE", 2L, "UNKNOWN", 1L)));

        store.refund(perf, "order-t2-1", List.of("STALLS-E-1"), null);
        assertThat(store.availability(perf).salesTallies()).containsExactly(tally(Channel.BOX_OFFICE, "T2", 1),
                new SalesTally(SalesTally.UNKNOWN_CHANNEL, "T3", 1));
    }

    @Test
    void aRefusedJournalSaleTalliesNothing() {
        sell(at(Channel.KIOSK, "K1", SeatSelection.seats("STALLS-E-1")), "order-1");
        Availability before = store.availability(perf);

        assertThatThrownBy(() -> store.applyJournalSale(perf, new JournalSale("T1-0001", "T1", "order-t1-1",
                List.of("STALLS-E-2", "STALLS-E-1"), Channel.BOX_OFFICE))).isInstanceOf(SaleConflictException.class);

        assertThat(store.availability(perf)).isEqualTo(before);
    }

    @Test
    void afterALoadSoldSeatsAreTalliedAsUnknownAndTheirOrdersStayThere() {
        sell(at(Channel.BOX_OFFICE, "T1", SeatSelection.seats("STALLS-A-1")), "order-1");
        store.load(perf, List.of(new DurableSeat("STALLS-A-1", SeatState.SOLD, "order-1"),
                new DurableSeat("STALLS-B-1", SeatState.SOLD, "order-9"),
                new DurableSeat("STALLS-B-2", SeatState.SOLD, "order-9"),
                new DurableSeat("STALLS-B-3", SeatState.BLOCKED, "camera")), Map.of());

        assertThat(store.availability(perf).salesTallies()).containsExactly(new SalesTally("UNKNOWN", null, 3));
        assertThat(store.availability(perf).soldByTerminal()).isEmpty();

        // a further seat of a loaded order joins the order's tally, so its refund takes from there
        sell(at(Channel.KIOSK, "K1", SeatSelection.seats("STALLS-C-1")), "order-9");
        sell(at(Channel.KIOSK, "K1", SeatSelection.seats("STALLS-C-2")), "order-10");
        assertThat(store.availability(perf).salesTallies()).containsExactly(
                tally(Channel.KIOSK, "K1", 1), new SalesTally("UNKNOWN", null, 4));

        store.refund(perf, "order-9", List.of("STALLS-B-1", "STALLS-C-1"), null);
        store.refund(perf, "order-1", List.of("STALLS-A-1"), null);
        Availability now = store.availability(perf);
        assertThat(now.salesTallies()).containsExactly(tally(Channel.KIOSK, "K1", 1), new SalesTally("UNKNOWN", null, 1));
        assertThat(tallied(now)).isEqualTo(now.count(SeatState.SOLD)).isEqualTo(2);
    }

    @Test
    void tallyAlwaysAddsUpToTheSoldSeatsAndEachSeatStaysWithItsSeller() {
        Random random = new Random(20261201L);
        SeatLayout layout = seatings.seating(perf).layout();
        List<String> seatIds = new ArrayList<>();
        for (int i = 0; i < layout.size(); i++) {
            seatIds.add(layout.seatId(i));
        }
        Map<String, String> sellerOfSeat = new HashMap<>();
        Map<String, String> sellerOfOrder = new HashMap<>();
        Map<String, List<String>> seatsOfOrder = new HashMap<>();
        List<Hold> holds = new ArrayList<>();
        Map<String, String> sellerOfHold = new HashMap<>();
        String[][] sellers = {{"BOX_OFFICE", "T1"}, {"BOX_OFFICE", "T2"}, {"KIOSK", "K1"}, {"ONLINE", null}};
        int orders = 0;
        int journalSales = 0;

        for (int step = 0; step < 400; step++) {
            int op = random.nextInt(100);
            try {
                if (op < 35) {
                    String[] seller = sellers[random.nextInt(sellers.length)];
                    List<String> wanted = new ArrayList<>();
                    for (int n = 1 + random.nextInt(3); wanted.size() < n; ) {
                        String seat = seatIds.get(random.nextInt(seatIds.size()));
                        if (!wanted.contains(seat)) {
                            wanted.add(seat);
                        }
                    }
                    Channel channel = Channel.valueOf(seller[0]);
                    Hold hold = store.hold(new HoldRequest(perf, null, "seller", null, channel, seller[1],
                            new SeatSelection.Seats(wanted)));
                    holds.add(hold);
                    sellerOfHold.put(hold.holdId(), SalesTally.origin(channel, seller[1]));
                } else if (op < 60 && !holds.isEmpty()) {
                    Hold hold = holds.get(random.nextInt(holds.size()));
                    String orderId = hold.orderId() != null ? hold.orderId() : "order-" + (++orders);
                    Hold sold = store.confirm(hold.holdId(), hold.token(), orderId);
                    if (random.nextBoolean()) {
                        store.confirm(hold.holdId(), hold.token(), orderId);
                    }
                    holds.set(holds.indexOf(hold), sold);
                    if (!seatsOfOrder.containsKey(sold.orderId())) {
                        sellerOfOrder.put(sold.orderId(), sellerOfHold.get(hold.holdId()));
                        seatsOfOrder.put(sold.orderId(), sold.seatIds());
                        sold.seatIds().forEach(seat -> sellerOfSeat.put(seat, sellerOfOrder.get(sold.orderId())));
                    }
                } else if (op < 70 && !holds.isEmpty()) {
                    Hold hold = holds.get(random.nextInt(holds.size()));
                    if (hold.status() == HoldStatus.HELD) {
                        store.release(hold.holdId(), hold.token());
                    }
                } else if (op < 85 && !seatsOfOrder.isEmpty()) {
                    List<String> orderIds = new ArrayList<>(new TreeMap<>(seatsOfOrder).keySet());
                    String orderId = orderIds.get(random.nextInt(orderIds.size()));
                    List<String> some = seatsOfOrder.get(orderId).subList(0, 1 + random.nextInt(seatsOfOrder.get(orderId).size()));
                    List<String> freed = store.refund(perf, orderId, some, null);
                    if (random.nextBoolean()) {
                        assertThat(store.refund(perf, orderId, some, null)).isEmpty();
                    }
                    freed.forEach(sellerOfSeat::remove);
                } else if (op < 92) {
                    String terminal = random.nextBoolean() ? "T1" : "T3";
                    Channel channel = random.nextBoolean() ? Channel.BOX_OFFICE : null;
                    String orderId = "journal-" + (++journalSales);
                    String seat = seatIds.get(random.nextInt(seatIds.size()));
                    JournalSale sale = new JournalSale(terminal + "-" + journalSales, terminal, orderId, List.of(seat), channel);
                    store.applyJournalSale(perf, sale);
                    store.applyJournalSale(perf, sale);
                    sellerOfOrder.put(orderId, SalesTally.origin(channel, terminal));
                    seatsOfOrder.put(orderId, List.of(seat));
                    sellerOfSeat.put(seat, sellerOfOrder.get(orderId));
                } else {
                    clock.advance(Duration.ofMinutes(1 + random.nextInt(6)));
                    store.sweep(perf);
                }
            } catch (SeatUnavailableException | SaleConflictException | HoldExpiredException | HoldEndedException
                     | UnknownHoldException e) {
                // a refusal (or a hold forgotten after its retention) changes nothing: the checks
                // below prove it for the tally
            }

            Availability now = store.availability(perf);
            assertThat(tallied(now)).as("tallies after step %d", step).isEqualTo(now.count(SeatState.SOLD));
            Map<String, Long> expected = new TreeMap<>();
            sellerOfSeat.values().forEach(origin -> expected.merge(origin, 1L, Long::sum));
            Map<String, Long> actual = new TreeMap<>();
            now.salesTallies().forEach(t -> actual.put(SalesTally.origin(
                    t.channel().equals(SalesTally.UNKNOWN_CHANNEL) ? null : Channel.valueOf(t.channel()), t.terminalId()),
                    t.seats()));
            assertThat(actual).as("tallies after step %d", step).isEqualTo(expected);
        }
        assertThat(store.availability(perf).count(SeatState.SOLD)).isGreaterThan(10);
    }
}
