package com.boxoffice.core.persistence;

@OnPostgres
class OutboxAndAuditOnPostgresTest extends OutboxAndAuditContract {
}
