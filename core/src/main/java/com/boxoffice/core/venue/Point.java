package com.boxoffice.core.venue;

/** A point in venue map coordinates (metres). */
public record Point(double x, double y) {
}
