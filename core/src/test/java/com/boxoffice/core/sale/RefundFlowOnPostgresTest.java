package com.boxoffice.core.sale;

import com.boxoffice.core.persistence.OnPostgres;

/** Refunds and exchanges on the central database. */
@OnPostgres
class RefundFlowOnPostgresTest extends RefundFlowContract {
}
