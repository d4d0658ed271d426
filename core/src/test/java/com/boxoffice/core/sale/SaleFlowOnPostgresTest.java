package com.boxoffice.core.sale;

import com.boxoffice.core.persistence.OnPostgres;

/** The sale flow on the central database. */
@OnPostgres
class SaleFlowOnPostgresTest extends SaleFlowContract {
}
