package com.boxoffice.core.staff;

import java.time.Instant;

/** Who is signed in at a terminal, as whom, since when. */
public record StaffSession(String staffId, String displayName, StaffRole role, Instant signedInAt) {
}
