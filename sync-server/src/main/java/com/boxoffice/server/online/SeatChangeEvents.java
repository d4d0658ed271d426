package com.boxoffice.server.online;

import java.util.Set;

import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyEmitter.DataWithMediaType;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import com.boxoffice.core.hold.SeatChange;

/** The events of the seat-change stream, each rendered once however many streams it goes to. */
final class SeatChangeEvents {

    static final Set<DataWithMediaType> HEARTBEAT = SseEmitter.event().comment("keep-alive").build();

    private SeatChangeEvents() {
    }

    /** {@code event: seats}, with the feed id as the event id and the seats' new states. */
    static Set<DataWithMediaType> seats(SeatChange change) {
        StringBuilder data = new StringBuilder(32 + change.seatIndexes().length * 6).append("{\"seats\":[");
        for (int i = 0; i < change.seatIndexes().length; i++) {
            if (i > 0) {
                data.append(',');
            }
            data.append(change.seatIndexes()[i]);
        }
        // state codes are single ASCII letters or '.', nothing JSON needs escaped
        data.append("],\"states\":\"").append(change.states()).append("\"}");
        return SseEmitter.event().name("seats").id(change.id()).data(data.toString()).build();
    }

    /**
     * {@code event: reset}: load the availability again and follow on from its feed id. It carries no
     * id, so a browser's {@code Last-Event-ID} stays the last change it really applied; its data names
     * the reason (browsers only dispatch events that have data).
     */
    static Set<DataWithMediaType> reset(String reason) {
        return SseEmitter.event().name("reset").data("{\"reason\":\"" + reason + "\"}").build();
    }
}
