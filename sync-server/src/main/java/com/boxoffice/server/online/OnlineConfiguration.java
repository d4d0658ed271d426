package com.boxoffice.server.online;

import java.security.KeyPair;
import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.support.TransactionTemplate;

import com.boxoffice.core.hold.HoldStore;
import com.boxoffice.core.hold.HoldTokens;
import com.boxoffice.core.hold.RedisScripts;
import com.boxoffice.core.payment.PaymentRepository;
import com.boxoffice.core.payment.SimulatedPaymentProvider;
import com.boxoffice.core.queue.WaitingRoom;
import com.boxoffice.core.sale.RefundRepository;
import com.boxoffice.core.sale.SaleCheckpoints;
import com.boxoffice.core.sale.SaleOrderRepository;
import com.boxoffice.core.sale.SaleService;
import com.boxoffice.core.ticket.TicketKeys;
import com.boxoffice.core.ticket.TicketRepository;
import com.boxoffice.core.ticket.TicketSigner;
import com.boxoffice.server.catalog.CatalogSeatings;

/** The core's sale, payment, ticket and waiting-room services as the public online sale uses them. */
@Configuration(proxyBeanMethods = false)
public class OnlineConfiguration {

    @Bean
    WaitingRoom waitingRoom(RedisScripts scripts, Clock clock) {
        return new WaitingRoom(scripts, clock);
    }

    /**
     * The card gateway. Simulated, like every payment provider in this product: it takes time,
     * declines some cards and leaves some charges unanswered, charged or not.
     */
    @Bean
    SimulatedPaymentProvider cardGateway(OnlineProperties properties) {
        return new SimulatedPaymentProvider(new SimulatedPaymentProvider.Settings(properties.cardLatencyMin(),
                properties.cardLatencyMax(), properties.cardDeclineRate(), properties.cardTimeoutRate(),
                properties.cardLookupLag()));
    }

    @Bean
    SaleService saleService(HoldStore holds, CatalogSeatings seatings, HoldTokens tokens, SimulatedPaymentProvider cardGateway,
                            SaleOrderRepository orders, PaymentRepository payments, TicketRepository tickets,
                            RefundRepository refunds, TransactionTemplate tx, Clock clock, OnlineProperties properties) {
        return new SaleService(holds, seatings, tokens, cardGateway, orders, payments, tickets, refunds, tx, clock,
                SaleCheckpoints.NONE, properties.cardAnswerTime());
    }

    /** The site's ticket key pair: tickets sold online are signed with it, scanners check them with its public half. */
    @Bean
    KeyPair ticketKeyPair(OnlineProperties properties) {
        return TicketKeys.loadOrCreate(properties.ticketKeys());
    }

    @Bean
    TicketSigner ticketSigner(KeyPair ticketKeyPair) {
        return new TicketSigner(ticketKeyPair.getPrivate());
    }
}
