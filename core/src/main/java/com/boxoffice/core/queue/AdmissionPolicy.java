package com.boxoffice.core.queue;

import java.time.Duration;

/**
 * How fast and for how long a waiting room lets buyers through.
 *
 * @param ratePerSecond admissions a second, over all servers together
 * @param burst         most admissions saved up while nobody was waiting, let through at once later
 * @param admissionTime how long an admitted buyer may take to hold seats (a hold then stretches it)
 * @param roundLimit    most buyers one round lets through, to keep each script call short
 */
public record AdmissionPolicy(double ratePerSecond, int burst, Duration admissionTime, int roundLimit) {

    public AdmissionPolicy {
        if (!(ratePerSecond > 0)) {
            throw new IllegalArgumentException("The admission rate must be positive, was " + ratePerSecond);
        }
        if (burst < 1 || roundLimit < 1) {
            throw new IllegalArgumentException("Burst and round limit must be at least 1");
        }
        if (admissionTime.isNegative() || admissionTime.isZero()) {
            throw new IllegalArgumentException("The admission time must be positive, was " + admissionTime);
        }
    }
}
