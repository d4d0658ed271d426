package com.boxoffice.core.sale;

import com.boxoffice.core.persistence.OnH2;

/** Rebuilding seat state from a terminal's journal database. */
@OnH2
class SeatStateRebuildOnH2Test extends SeatStateRebuildContract {
}
