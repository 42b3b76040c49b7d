package nl.abu.monitor.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The layering of docs/architecture.md, checked on the classes of src/main. */
@AnalyzeClasses(packages = "nl.abu.monitor", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule LAYERS_FOLLOW_THE_FLOW = ArchitectureRules.LAYERS;

    @ArchTest
    static final ArchRule NO_PACKAGE_CYCLES = ArchitectureRules.noCyclesBelow("nl.abu.monitor");

    @ArchTest
    static final ArchRule THE_CORE_DOES_NOT_DEPEND_ON_THE_TOOLS = ArchitectureRules.CORE_WITHOUT_TOOLS;
}
