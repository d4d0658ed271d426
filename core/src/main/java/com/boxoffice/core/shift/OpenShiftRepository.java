package com.boxoffice.core.shift;

import org.springframework.data.jpa.repository.JpaRepository;

/** The open shift of each terminal that has one, by terminal id. */
public interface OpenShiftRepository extends JpaRepository<OpenShiftEntity, String> {
}
