package io.bikecast.model;

/**
 * What a model learns in place of the count of rentals. Counts are skewed (most hours see a few dozen rentals, rush
 * hours several hundred) and their errors grow with the level, so boosting learns {@code log1p(count)}: errors become
 * relative and an interval's width follows the level of demand. A forest learns the count itself.
 */
public enum TargetTransform {
    /** The count itself. */
    COUNT {
        @Override
        public double toTarget(double count) {
            return count;
        }

        @Override
        public double toCount(double target) {
            return target;
        }
    },
    /** {@code log(1 + count)}. */
    LOG1P {
        @Override
        public double toTarget(double count) {
            return Math.log1p(count);
        }

        @Override
        public double toCount(double target) {
            return Math.expm1(target);
        }
    };

    /** The value a model learns for a count. */
    public abstract double toTarget(double count);

    /** The count a model's output stands for. */
    public abstract double toCount(double target);
}
