package com.boxoffice.server.sync;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;

import com.boxoffice.core.hold.PerformanceSeating;
import com.boxoffice.core.hold.SeatLayout;
import com.boxoffice.core.hold.UnknownPerformanceException;
import com.boxoffice.core.performance.PriceTier;
import com.boxoffice.server.catalog.CatalogSeatings;
import com.boxoffice.server.sync.Batch.PaymentLine;
import com.boxoffice.server.sync.Batch.Sale;
import com.boxoffice.server.sync.Batch.SeatLine;

/**
 * What a well-formed sale must also agree with before it may touch a seat: the performance and its
 * seats exist, each seat is in the category the terminal says at that category's price, and the
 * payments add up. A sale that fails is rejected on its own; the rest of its batch goes on.
 */
@Component
class SaleChecks {

    private final CatalogSeatings catalog;

    SaleChecks(CatalogSeatings catalog) {
        this.catalog = catalog;
    }

    /** Fills in each seat's category; answers why the sale cannot be applied, or null when it can. */
    String problem(SaleWork work) {
        Sale sale = work.sale;
        PerformanceSeating seating;
        try {
            seating = catalog.seating(sale.performanceId());
        } catch (UnknownPerformanceException e) {
            return "unknown performance " + sale.performanceId();
        }
        SeatLayout layout = seating.layout();
        Map<String, PriceTier> tiers = seating.performance().tiersByCategory();
        Map<String, String> categories = new LinkedHashMap<>();
        long total = 0;
        for (SeatLine line : sale.seats()) {
            int index = layout.indexOf(line.seatId());
            if (index < 0) {
                return "unknown seat " + line.seatId();
            }
            if (categories.put(line.seatId(), layout.categoryOf(index)) != null) {
                return "seat " + line.seatId() + " is listed twice";
            }
            if (!layout.categoryOf(index).equals(line.category())) {
                return "seat " + line.seatId() + " is in category " + layout.categoryOf(index) + ", not " + line.category();
            }
            PriceTier tier = tiers.get(line.category());
            if (tier == null) {
                return "the performance has no price for category " + line.category();
            }
            if (tier.priceMinor() != line.priceMinor()) {
                return "seat " + line.seatId() + " costs " + tier.priceMinor() + " in category " + line.category()
                        + ", not " + line.priceMinor();
            }
            if (!tier.currency().equals(sale.currency())) {
                return "the performance is priced in " + tier.currency() + ", not " + sale.currency();
            }
            total += line.priceMinor();
        }
        long paid = 0;
        Set<String> keys = new HashSet<>();
        for (PaymentLine payment : sale.payments()) {
            if (!keys.add(payment.idempotencyKey())) {
                return "payment key " + payment.idempotencyKey() + " is listed twice";
            }
            if (payment.method() == Batch.PayMethod.CASH) {
                if (payment.tenderedMinor() == null || payment.changeMinor() == null) {
                    return "a cash payment needs the amount tendered and the change given";
                }
                if (payment.tenderedMinor() < payment.amountMinor()
                        || payment.changeMinor() != payment.tenderedMinor() - payment.amountMinor()) {
                    return "cash tendered " + payment.tenderedMinor() + " less change " + payment.changeMinor()
                            + " is not the amount " + payment.amountMinor();
                }
            }
            paid += payment.amountMinor();
        }
        if (paid != total) {
            return "payments of " + paid + " do not add up to the seats' prices of " + total;
        }
        work.categories = categories;
        return null;
    }

    /**
     * A digest of everything the sale says, so the same sale id sent with different content is told
     * apart from a plain repeat.
     */
    static String contentHash(String terminalId, Sale sale) {
        StringBuilder canonical = new StringBuilder(256);
        field(canonical, terminalId);
        field(canonical, sale.saleId());
        field(canonical, String.valueOf(sale.sequence()));
        field(canonical, sale.performanceId());
        field(canonical, sale.orderId());
        field(canonical, String.valueOf(sale.channel()));
        field(canonical, String.valueOf(sale.mode()));
        field(canonical, String.valueOf(sale.soldAt()));
        field(canonical, sale.buyer());
        field(canonical, sale.currency());
        for (SeatLine seat : sale.seats()) {
            field(canonical, seat.seatId());
            field(canonical, seat.category());
            field(canonical, String.valueOf(seat.priceMinor()));
        }
        canonical.append('|');
        for (PaymentLine p : sale.payments()) {
            field(canonical, String.valueOf(p.method()));
            field(canonical, String.valueOf(p.amountMinor()));
            field(canonical, String.valueOf(p.tenderedMinor()));
            field(canonical, String.valueOf(p.changeMinor()));
            field(canonical, p.idempotencyKey());
            field(canonical, p.providerReference());
        }
        return sha256(canonical);
    }

    /** The SHA-256 of a canonical text, in hex. */
    static String sha256(CharSequence canonical) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(canonical.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Length-prefixed, so no choice of values can make two different uploads read the same. */
    static void field(StringBuilder out, String value) {
        if (value == null) {
            out.append("-1:");
        } else {
            out.append(value.length()).append(':').append(value);
        }
    }
}
