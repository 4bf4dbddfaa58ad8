package io.bikecast.prediction.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.bikecast.model.Forecaster;
import io.bikecast.model.LeadModel;
import io.bikecast.model.TargetTransform;
import io.bikecast.prediction.support.TestForecasters;
import io.bikecast.testsupport.TestForests;
import io.bikecast.testsupport.UciDataset;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Each model of a boosted log1p forecaster is served by compiled trees that agree with Tribuo, its output brought back
 * to rentals, and its interval made of the calibrated offsets: it covers about 80% of hours it never saw.
 */
class ForecasterEnginesTest {

    private static final Forecaster FORECASTER = TestForecasters.forecaster();
    private static final List<double[]> CHECKS = CheckVectors.of(
            TestForests.referenceSample(
                    FORECASTER.withoutHistoryModel().model(), UciDataset.hours().subList(0, 200)),
            200);

    @Test
    void everyLeadIsCompiledAndAnswersInRentalsAsTribuoDoes() {
        for (LeadModel model : FORECASTER.models()) {
            ServedLead served = served(model);
            assertThat(served.engine()).as("lead %d", model.lead()).isEqualTo("compiled");
            for (UciDataset.HourRow row : TestForecasters.evaluation().subList(0, 100)) {
                double[] history = TestForecasters.history(row, model.lead());
                double p = TestForecasters.predict(model, row.features(), history);
                ModelOutput output = served.predict(ServingVector.of(row.features(), history));
                assertThat(output.raw()).isCloseTo(TargetTransform.LOG1P.toCount(p), within(1e-3 * Math.expm1(p)));
                assertThat(output.lower())
                        .isCloseTo(TargetTransform.LOG1P.toCount(p + model.intervalLow()), within(1e-2));
                assertThat(output.upper())
                        .isCloseTo(TargetTransform.LOG1P.toCount(p + model.intervalHigh()), within(1e-2));
            }
        }
    }

    @Test
    void theCalibratedIntervalCoversAbout80PercentOfUnseenHours() {
        for (LeadModel model : FORECASTER.models()) {
            ServedLead served = served(model);
            List<UciDataset.HourRow> unseen = TestForecasters.evaluation();
            long covered = unseen.stream()
                    .filter(row -> {
                        ModelOutput output = served.predict(
                                ServingVector.of(row.features(), TestForecasters.history(row, model.lead())));
                        return row.cnt() >= output.lower() && row.cnt() <= output.upper();
                    })
                    .count();
            assertThat((double) covered / unseen.size())
                    .as("coverage of lead %d", model.lead())
                    .isBetween(0.72, 0.88);
        }
    }

    private static ServedLead served(LeadModel model) {
        return new ServedLead(
                model,
                ModelLoader.engineFor(model.model(), TargetTransform.LOG1P, CHECKS, "lead " + model.lead()),
                TargetTransform.LOG1P);
    }
}
