package com.boxoffice.core.shift;

import java.time.Instant;

/** An open shift. */
public record ShiftView(String shiftId, String terminalId, String openedBy, Instant openedAt,
                        long openingFloatMinor, String currency) {
}
