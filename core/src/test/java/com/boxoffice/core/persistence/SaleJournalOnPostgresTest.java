package com.boxoffice.core.persistence;

@OnPostgres
class SaleJournalOnPostgresTest extends SaleJournalContract {
}
