package com.boxoffice.core.shift;

import com.boxoffice.core.persistence.OnH2;

/** Shifts on a terminal's own database. */
@OnH2
class ShiftOnH2Test extends ShiftContract {
}
