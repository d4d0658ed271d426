package com.boxoffice.core.sale;

import com.boxoffice.core.persistence.OnPostgres;

/** Rebuilding seat state from the central database. */
@OnPostgres
class SeatStateRebuildOnPostgresTest extends SeatStateRebuildContract {
}
