package dev.retort.bench;

import java.util.Arrays;
import java.util.List;

/** Medians of repeated measurements, in milliseconds. */
record Stats(List<Double> samplesMillis) {

    double median() {
        double[] sorted = samplesMillis.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    double min() {
        return samplesMillis.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
    }

    double max() {
        return samplesMillis.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
    }
}
