package com.boxoffice.core.staff;

import com.boxoffice.core.persistence.OnH2;

/** Staff sign-in on a terminal's own database. */
@OnH2
class StaffDirectoryOnH2Test extends StaffDirectoryContract {
}
