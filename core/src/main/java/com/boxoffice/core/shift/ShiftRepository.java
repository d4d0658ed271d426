package com.boxoffice.core.shift;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

import jakarta.persistence.LockModeType;

/** Shifts, open and closed. */
public interface ShiftRepository extends JpaRepository<ShiftEntity, String> {

    /** The shift, locked until the transaction ends, so two closes of one shift take turns. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select s from ShiftEntity s where s.id = :id")
    Optional<ShiftEntity> findForUpdate(@Param("id") String id);
}
