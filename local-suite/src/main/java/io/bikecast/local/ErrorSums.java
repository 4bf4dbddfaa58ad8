package io.bikecast.local;

/** Running sums of forecast errors, for RMSE and MAE without keeping the errors. */
final class ErrorSums {

    private int count;
    private double squared;
    private double absolute;

    void add(double predicted, double actual) {
        double error = predicted - actual;
        count++;
        squared += error * error;
        absolute += Math.abs(error);
    }

    int count() {
        return count;
    }

    /** Null before the first error: no number is better than a made-up one. */
    Double rmse() {
        return count == 0 ? null : Math.sqrt(squared / count);
    }

    Double mae() {
        return count == 0 ? null : absolute / count;
    }
}
