package com.boxoffice.core.persistence;

@OnPostgres
class TicketLedgerOnPostgresTest extends TicketLedgerContract {
}
