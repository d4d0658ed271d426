package com.boxoffice.core.sale;

import com.boxoffice.core.persistence.OnH2;

/** The sale flow on a terminal's journal database. */
@OnH2
class SaleFlowOnH2Test extends SaleFlowContract {
}
