package nl.abu.monitor.architecture;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;

/** The rules have teeth: they catch the faults they are for. */
class ArchitectureRulesTest {

    private static final String FIXTURE = "nl.abu.monitor.architecture.fixture";

    @Test
    void givenTwoPackagesThatUseEachOther_whenTheCycleRuleChecksThem_thenItFailsNamingTheCycle() {
        // given: fixture.a.Alpha uses fixture.b.Beta, which uses fixture.a.Alpha
        JavaClasses fixture = new ClassFileImporter().importPackages(FIXTURE);

        // when / then
        assertThatThrownBy(() -> ArchitectureRules.noCyclesBelow(FIXTURE).check(fixture))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Cycle detected")
                .hasMessageContaining("Alpha")
                .hasMessageContaining("Beta");
    }

    @Test
    void givenOnlyOnePackageOfTheFixture_whenTheCycleRuleChecksIt_thenItPasses() {
        JavaClasses onlyA = new ClassFileImporter().importPackages(FIXTURE + ".a");

        assertThatCode(() -> ArchitectureRules.noCyclesBelow(FIXTURE).check(onlyA)).doesNotThrowAnyException();
    }
}
