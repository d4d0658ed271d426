package com.boxoffice.core.persistence;

@OnH2
class TicketLedgerOnH2Test extends TicketLedgerContract {
}
