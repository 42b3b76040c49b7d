package nl.abu.monitor.tools.simulator;

import java.util.ArrayList;
import java.util.List;

/** Items with relative weights, picked in proportion to them. */
final class Weighted<T> {

    private final List<T> items = new ArrayList<>();
    private final List<Double> cumulative = new ArrayList<>();
    private double total;

    Weighted<T> add(T item, double weight) {
        if (weight <= 0) {
            throw new IllegalArgumentException("weight must be positive");
        }
        total += weight;
        items.add(item);
        cumulative.add(total);
        return this;
    }

    T pick(double unitRandom) {
        double target = unitRandom * total;
        int low = 0;
        int high = items.size() - 1;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (cumulative.get(mid) > target) {
                high = mid;
            } else {
                low = mid + 1;
            }
        }
        return items.get(low);
    }

    List<T> items() {
        return List.copyOf(items);
    }
}
