package com.boxoffice.core.persistence;

@OnH2
class OutboxAndAuditOnH2Test extends OutboxAndAuditContract {
}
