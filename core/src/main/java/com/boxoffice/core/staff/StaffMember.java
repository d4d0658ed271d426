package com.boxoffice.core.staff;

/** A staff account as others may see it: never its PIN or hash. */
public record StaffMember(String staffId, String displayName, StaffRole role, boolean active) {
}
