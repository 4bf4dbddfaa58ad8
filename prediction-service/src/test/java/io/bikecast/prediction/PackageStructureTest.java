package io.bikecast.prediction;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The service's feature packages depend on each other in one direction only: {@code config} wires the others and
 * nothing depends on it; {@code api} uses {@code serving}, which uses {@code model}, {@code log} and {@code metrics}.
 * A cycle would mean two packages can only be understood, changed and tested together.
 */
class PackageStructureTest {

    private static final JavaClasses SERVICE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.bikecast.prediction");

    @Test
    void hasNoPackageCycles() {
        slices().matching("io.bikecast.prediction.(*)..")
                .should()
                .beFreeOfCycles()
                .check(SERVICE);
    }
}
