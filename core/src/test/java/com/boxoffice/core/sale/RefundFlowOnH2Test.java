package com.boxoffice.core.sale;

import com.boxoffice.core.persistence.OnH2;

/** Refunds and exchanges on a terminal's journal database. */
@OnH2
class RefundFlowOnH2Test extends RefundFlowContract {
}
