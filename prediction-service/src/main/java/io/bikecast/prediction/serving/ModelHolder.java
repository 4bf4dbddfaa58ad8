package io.bikecast.prediction.serving;

import java.util.concurrent.atomic.AtomicReference;

/**
 * The one place the models being served live. A swap replaces the whole {@link ServingModels} snapshot atomically;
 * requests call {@link #current()} once and keep what they got, so they finish on the model they started with and
 * never wait for a load.
 */
public class ModelHolder {

    private final AtomicReference<ServingModels> current = new AtomicReference<>(ServingModels.NONE);

    ModelHolder() {}

    public ServingModels current() {
        return current.get();
    }

    void swap(ServingModels next) {
        current.set(next);
    }
}
