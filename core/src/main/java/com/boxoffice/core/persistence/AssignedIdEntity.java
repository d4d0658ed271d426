package com.boxoffice.core.persistence;

import org.springframework.data.domain.Persistable;

import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Transient;

/**
 * Base of entities whose id is chosen by the caller (UUIDs made on a terminal, stable venue codes).
 *
 * <p>Spring Data cannot tell from an assigned id whether a row exists, and would {@code merge} a new
 * entity: an extra SELECT, and worse, a new ticket or payment whose id happened to exist would silently
 * overwrite the stored one. Tracking newness here makes {@code save} INSERT anything not loaded from
 * the database, so a repeated id fails on the primary key instead.
 *
 * @param <ID> type of the id
 */
@MappedSuperclass
public abstract class AssignedIdEntity<ID> implements Persistable<ID> {

    @Transient
    private boolean stored;

    @Override
    public boolean isNew() {
        return !stored;
    }

    @PostLoad
    @PostPersist
    void markStored() {
        stored = true;
    }
}
