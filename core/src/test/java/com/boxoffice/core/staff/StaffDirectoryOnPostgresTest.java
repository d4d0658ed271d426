package com.boxoffice.core.staff;

import com.boxoffice.core.persistence.OnPostgres;

/** Staff sign-in on the central database. */
@OnPostgres
class StaffDirectoryOnPostgresTest extends StaffDirectoryContract {
}
