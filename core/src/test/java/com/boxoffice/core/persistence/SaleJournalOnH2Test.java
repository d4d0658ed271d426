package com.boxoffice.core.persistence;

@OnH2
class SaleJournalOnH2Test extends SaleJournalContract {
}
