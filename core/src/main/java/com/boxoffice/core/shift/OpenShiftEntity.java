package com.boxoffice.core.shift;

import java.util.Objects;

import com.boxoffice.core.persistence.AssignedIdEntity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The open shift of a terminal. Keyed by terminal, so a second open shift on one terminal fails on
 * the primary key: the database, not a read before the write, keeps racing opens apart.
 */
@Entity
@Table(name = "open_shift")
public class OpenShiftEntity extends AssignedIdEntity<String> {

    @Id
    @Column(name = "terminal_id", length = 64)
    private String terminalId;

    @Column(name = "shift_id", nullable = false, length = 36, unique = true)
    private String shiftId;

    protected OpenShiftEntity() {
    }

    OpenShiftEntity(String terminalId, String shiftId) {
        this.terminalId = Objects.requireNonNull(terminalId, "terminalId");
        this.shiftId = Objects.requireNonNull(shiftId, "shiftId");
    }

    @Override
    public String getId() {
        return terminalId;
    }

    public String getShiftId() {
        return shiftId;
    }
}
