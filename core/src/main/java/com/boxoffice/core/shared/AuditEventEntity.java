package com.boxoffice.core.shared;

import java.time.Instant;
import java.util.Objects;

import org.hibernate.annotations.Immutable;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Who did what to what, and when. Written once and never changed. */
@Entity
@Immutable
@Table(name = "audit_event")
public class AuditEventEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    private Long id;

    @Column(name = "at", nullable = false)
    private Instant at;

    @Column(name = "actor", nullable = false, length = 100)
    private String actor;

    @Column(name = "kind", nullable = false, length = 64)
    private String kind;

    @Column(name = "subject", nullable = false, length = 200)
    private String subject;

    @Column(name = "detail")
    private String detail;

    protected AuditEventEntity() {
    }

    /**
     * @param actor   who acted: a terminal id, a user, "system"
     * @param kind    what happened, e.g. "SEAT_BLOCKED", "REFUND"
     * @param subject what it happened to, e.g. an order or performance id
     * @param detail  free text or JSON; may be {@code null}
     */
    public static AuditEventEntity record(Instant at, String actor, String kind, String subject, String detail) {
        AuditEventEntity event = new AuditEventEntity();
        event.at = Objects.requireNonNull(at, "at");
        event.actor = Objects.requireNonNull(actor, "actor");
        event.kind = Objects.requireNonNull(kind, "kind");
        event.subject = Objects.requireNonNull(subject, "subject");
        event.detail = detail;
        return event;
    }

    public Long getId() {
        return id;
    }

    public Instant getAt() {
        return at;
    }

    public String getActor() {
        return actor;
    }

    public String getKind() {
        return kind;
    }

    public String getSubject() {
        return subject;
    }

    public String getDetail() {
        return detail;
    }
}
