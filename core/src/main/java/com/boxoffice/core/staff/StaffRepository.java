package com.boxoffice.core.staff;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

import jakarta.persistence.LockModeType;

/** Staff accounts. */
public interface StaffRepository extends JpaRepository<StaffEntity, String> {

    /**
     * The account, locked until the transaction ends: wrong PINs typed at once on two terminals are
     * counted one after the other, so guessing in parallel does not escape the lock-out.
     */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select s from StaffEntity s where s.id = :id")
    Optional<StaffEntity> findForUpdate(@Param("id") String id);

    List<StaffEntity> findByRoleAndActiveTrueOrderById(StaffRole role);
}
