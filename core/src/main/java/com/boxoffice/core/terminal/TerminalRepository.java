package com.boxoffice.core.terminal;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

/** Registered terminals. */
public interface TerminalRepository extends JpaRepository<TerminalEntity, String> {

    /** Terminals allowed to sign in, by name. */
    List<TerminalEntity> findByActiveTrueOrderByName();

    List<TerminalEntity> findByKindAndActiveTrueOrderByName(TerminalKind kind);
}
