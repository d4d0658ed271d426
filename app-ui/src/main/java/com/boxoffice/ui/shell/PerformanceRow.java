package com.boxoffice.ui.shell;

/**
 * One line of the performance list.
 *
 * @param seats     seats in the house
 * @param available seats still free to sell
 */
public record PerformanceRow(String performanceId, String title, String venue, String startsAt, long seats, long available) {
}
