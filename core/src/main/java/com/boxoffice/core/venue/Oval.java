package com.boxoffice.core.venue;

import java.util.ArrayList;
import java.util.List;

/**
 * A closed convex curve around a floor or pitch, and the curves parallel to it further out, on
 * which the rows of a bowl lie.
 *
 * <p>Positions are given as (s, offset): s is the distance along the base curve, measured
 * clockwise on the map from its top centre, and offset is how far out from the base curve along
 * its outward normal. Rows are lines of constant offset; a section spans a range of s, so its sides
 * are normals of the curve and each row of a section covers the same stretch of the bowl. The
 * curve is held as a fine polyline, which is exact on straight stretches and within millimetres
 * on the bends.
 */
final class Oval {

    private final double[] x;
    private final double[] y;
    private final double[] normalX;
    private final double[] normalY;
    private final double[] distance;

    private Oval(List<double[]> samples) {
        int n = samples.size();
        x = new double[n];
        y = new double[n];
        normalX = new double[n];
        normalY = new double[n];
        distance = new double[n];
        for (int i = 0; i < n; i++) {
            double[] sample = samples.get(i);
            x[i] = sample[0];
            y[i] = sample[1];
            normalX[i] = sample[2];
            normalY[i] = sample[3];
            distance[i] = i == 0 ? 0 : distance[i - 1] + DemoVenues.distance(x[i] - x[i - 1], y[i] - y[i - 1]);
        }
    }

    /** An ellipse centred on the origin, the usual shape of a stadium bowl. */
    static Oval ellipse(double halfWidth, double halfHeight) {
        int steps = 4096;
        List<double[]> samples = new ArrayList<>(steps + 1);
        for (int i = 0; i <= steps; i++) {
            double t = -Math.PI / 2 + 2 * Math.PI * i / steps;
            double cos = i == steps ? 0 : Math.cos(t);
            double sin = i == steps ? -1 : Math.sin(t);
            double nx = halfHeight * cos;
            double ny = halfWidth * sin;
            double length = DemoVenues.distance(nx, ny);
            samples.add(new double[] {halfWidth * cos, halfHeight * sin, nx / length, ny / length});
        }
        return new Oval(samples);
    }

    /** A rectangle with rounded corners centred on the origin, the shape of an arena floor. */
    static Oval roundedRectangle(double halfWidth, double halfHeight, double cornerRadius) {
        double innerX = halfWidth - cornerRadius;
        double innerY = halfHeight - cornerRadius;
        List<double[]> samples = new ArrayList<>();
        samples.add(new double[] {0, -halfHeight, 0, -1});
        // corners clockwise from top right: centre and starting angle of each quarter circle
        double[][] corners = {{innerX, -innerY, -Math.PI / 2}, {innerX, innerY, 0},
                              {-innerX, innerY, Math.PI / 2}, {-innerX, -innerY, Math.PI}};
        int steps = 256;
        for (double[] corner : corners) {
            for (int i = 0; i <= steps; i++) {
                double angle = corner[2] + Math.PI / 2 * i / steps;
                double cos = Math.cos(angle);
                double sin = Math.sin(angle);
                samples.add(new double[] {corner[0] + cornerRadius * cos, corner[1] + cornerRadius * sin, cos, sin});
            }
        }
        samples.add(new double[] {0, -halfHeight, 0, -1});
        return new Oval(samples);
    }

    /** Length of the base curve. */
    double perimeter() {
        return distance[distance.length - 1];
    }

    /** The point at distance s along the base curve (any s; it wraps round), offset outwards. */
    Point at(double s, double offset) {
        double perimeter = perimeter();
        double along = ((s % perimeter) + perimeter) % perimeter;
        int low = 0;
        int high = distance.length - 1;
        while (high - low > 1) {
            int middle = (low + high) >>> 1;
            if (distance[middle] <= along) {
                low = middle;
            } else {
                high = middle;
            }
        }
        double span = distance[high] - distance[low];
        double f = span == 0 ? 0 : (along - distance[low]) / span;
        double nx = normalX[low] + f * (normalX[high] - normalX[low]);
        double ny = normalY[low] + f * (normalY[high] - normalY[low]);
        double length = DemoVenues.distance(nx, ny);
        return new Point(x[low] + f * (x[high] - x[low]) + offset * nx / length,
                y[low] + f * (y[high] - y[low]) + offset * ny / length);
    }

    /** The outward normal at distance s along the base curve. */
    Point normalAt(double s) {
        Point base = at(s, 0);
        Point out = at(s, 1);
        return new Point(out.x() - base.x(), out.y() - base.y());
    }

    /** Points along the curve at the given offset from s = from to s = to, about step apart on the base. */
    List<Point> path(double from, double to, double offset, double step) {
        int pieces = Math.max(2, (int) Math.ceil((to - from) / step));
        List<Point> points = new ArrayList<>(pieces + 1);
        for (int i = 0; i <= pieces; i++) {
            points.add(at(from + (to - from) * i / pieces, offset));
        }
        return points;
    }
}
