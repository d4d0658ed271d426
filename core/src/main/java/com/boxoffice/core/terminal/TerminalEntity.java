package com.boxoffice.core.terminal;

import java.time.Instant;
import java.util.Objects;

import com.boxoffice.core.persistence.AssignedIdEntity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A registered terminal and the hash of the credential it signs in with. */
@Entity
@Table(name = "terminal")
public class TerminalEntity extends AssignedIdEntity<String> {

    @Id
    @Column(name = "id", length = 64)
    private String id;

    @Column(name = "name", nullable = false, length = 200)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(name = "kind", nullable = false, length = 16)
    private TerminalKind kind;

    @Column(name = "credential_hash", nullable = false, length = 255)
    private String credentialHash;

    @Column(name = "active", nullable = false)
    private boolean active;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected TerminalEntity() {
    }

    /** A new, active terminal. The caller hashes the credential; this class never sees it in clear. */
    public static TerminalEntity register(String id, String name, TerminalKind kind, String credentialHash, Instant now) {
        TerminalEntity terminal = new TerminalEntity();
        terminal.id = Objects.requireNonNull(id, "id");
        terminal.name = Objects.requireNonNull(name, "name");
        terminal.kind = Objects.requireNonNull(kind, "kind");
        terminal.credentialHash = Objects.requireNonNull(credentialHash, "credentialHash");
        terminal.active = true;
        terminal.createdAt = Objects.requireNonNull(now, "now");
        return terminal;
    }

    /** Replaces the credential, for instance after a till was reinstalled. */
    public void rotateCredential(String credentialHash) {
        this.credentialHash = Objects.requireNonNull(credentialHash, "credentialHash");
    }

    /** Stops the terminal from signing in; its history stays. */
    public void deactivate() {
        active = false;
    }

    public void reactivate() {
        active = true;
    }

    public void rename(String name) {
        this.name = Objects.requireNonNull(name, "name");
    }

    @Override
    public String getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public TerminalKind getKind() {
        return kind;
    }

    public String getCredentialHash() {
        return credentialHash;
    }

    public boolean isActive() {
        return active;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
