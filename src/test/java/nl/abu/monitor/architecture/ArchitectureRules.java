package nl.abu.monitor.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.lang.ArchRule;

/**
 * The flow of docs/architecture.md as rules: the contract, then ingest, the indicator engine, the families, the
 * outputs and the pipeline that joins them; the command line on top; the tools beside the core, used by the command
 * line only.
 */
final class ArchitectureRules {

    private static final String BASE = "nl.abu.monitor";

    static final ArchRule LAYERS = layeredArchitecture().consideringOnlyDependenciesInLayers()
            .layer("contract").definedBy(BASE + ".contract..", BASE + ".events..", BASE + ".state..",
                    BASE + ".period..")
            .layer("serde").definedBy(BASE + ".serde..")
            .layer("ingest").definedBy(BASE + ".ingest..")
            .layer("indicator").definedBy(BASE + ".indicator..")
            .layer("families").definedBy(BASE + ".families..")
            .layer("output").definedBy(BASE + ".output..")
            .layer("pipeline").definedBy(BASE + ".pipeline..")
            .layer("tools").definedBy(BASE + ".tools..")
            .layer("cli").definedBy(BASE + ".cli..")
            .whereLayer("contract").mayNotAccessAnyLayer()
            .whereLayer("serde").mayOnlyAccessLayers("contract")
            .whereLayer("ingest").mayOnlyAccessLayers("contract", "serde")
            .whereLayer("indicator").mayOnlyAccessLayers("contract", "serde", "ingest")
            .whereLayer("families").mayOnlyAccessLayers("contract", "ingest", "indicator")
            .whereLayer("output").mayOnlyAccessLayers("contract", "serde", "ingest", "indicator", "families")
            .whereLayer("pipeline").mayOnlyAccessLayers("contract", "serde", "ingest", "indicator", "families",
                    "output")
            .whereLayer("tools").mayOnlyAccessLayers("contract", "serde", "ingest", "indicator", "families",
                    "output", "pipeline")
            .whereLayer("cli").mayNotBeAccessedByAnyLayer();

    static final ArchRule CORE_WITHOUT_TOOLS = noClasses()
            .that().resideOutsideOfPackages(BASE + ".tools..", BASE + ".cli..")
            .should().dependOnClassesThat().resideInAPackage(BASE + ".tools..")
            .because("the tools (embedded services, simulator, files, publish, replay, bench) serve the core, and a"
                    + " deployment of the core does not need them");

    private ArchitectureRules() {
    }

    /** Every package below {@code base} is a slice of its own, so a cycle between two sub-packages counts too. */
    static ArchRule noCyclesBelow(String base) {
        return slices().matching(base + ".(**)").should().beFreeOfCycles();
    }
}
