package io.bikecast.common;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * common-model holds data only, so every service can depend on it without taking on a model library, a database
 * library or a JSON mapper: its classes use the JDK, Jackson's annotations, the Bean Validation API and each other,
 * nothing else. Tribuo code lives in model-codec, the events' mapper in platform, the registry's reader in the
 * training service.
 */
class DependenciesTest {

    private static final List<String> ALLOWED =
            List.of("java.", "com.fasterxml.jackson.annotation.", "jakarta.validation.", "io.bikecast.common.");

    private static final JavaClasses MODEL = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.bikecast.common");

    @Test
    void dependsOnTheJdkJacksonAnnotationsAndTheValidationApiOnly() {
        classes()
                .should()
                .onlyDependOnClassesThat(DescribedPredicate.describe(
                        "are primitives or reside in " + ALLOWED, DependenciesTest::isAllowed))
                .check(MODEL);
    }

    @Test
    void referencesNeitherTribuoNorSpringNorJacksonDatabind() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.tribuo..", "org.springframework..", "tools.jackson..")
                .check(MODEL);
    }

    private static boolean isAllowed(JavaClass type) {
        JavaClass base = type.getBaseComponentType();
        return base.isPrimitive() || ALLOWED.stream().anyMatch(base.getName()::startsWith);
    }
}
