package io.sluice.webapp

import com.tngtech.archunit.core.importer.ImportOption
import com.tngtech.archunit.core.importer.Location
import com.tngtech.archunit.lang.ArchRule

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses

/** The dependency rules of the hexagon, each with the reason it exists. */
final class ArchitectureRules {

    static final ArchRule DOMAIN_USES_THE_JDK_ONLY = classes()
            .that().resideInAPackage('io.sluice.domain..')
            .should().onlyDependOnClassesThat().resideInAnyPackage('java..', 'io.sluice.domain..')
            .because('the domain model is plain Java so that it outlives every framework and is tested without one')

    static final ArchRule APPLICATION_NEVER_USES_A_FRAMEWORK = noClasses()
            .that().resideInAPackage('io.sluice.application..')
            .should().dependOnClassesThat().resideInAnyPackage(
                'io.micronaut..', 'io.micrometer..', 'org.apache.poi..', 'java.sql..', 'io.sluice.adapters..', 'io.sluice.webapp..')
            .because('use cases speak to the world only through ports, so that adapters can be replaced')

    static final ArchRule COMPRESSION_STAYS_IN_THE_CODEC = noClasses()
            .that().doNotHaveFullyQualifiedName('io.sluice.application.chunk.Compression')
            .should().dependOnClassesThat().resideInAPackage('net.jpountz..')
            .because('stored chunks are compressed in one place (docs/adr/0011): the one library the application layer uses beside the JDK stays behind it')

    static final ArchRule ADAPTERS_NEVER_USE_THE_WEBAPP = noClasses()
            .that().resideInAPackage('io.sluice.adapters..')
            .should().dependOnClassesThat().resideInAPackage('io.sluice.webapp..')
            .because('dependencies point inwards: the webapp composes adapters, never the reverse')

    static final ArchRule ADAPTERS_DO_NOT_REACH_INTO_EACH_OTHER = noClasses()
            .that().resideInAPackage('io.sluice.adapters.rest..')
            .should().dependOnClassesThat().resideInAnyPackage('io.sluice.adapters.jdbc..', 'io.sluice.adapters.excel..')
            .because('the REST adapter calls use cases; storage and engine are reached only through their ports')
            .allowEmptyShould(true)

    static final ArchRule DASHBOARD_CALLS_USE_CASES = noClasses()
            .that().resideInAPackage('io.sluice.webapp.dashboard..')
            .should().dependOnClassesThat().haveNameMatching('io\\.sluice\\.application\\.port\\..*(Repository|ChunkStore|ChunkListing|Registry|Pool)')
            .orShould().dependOnClassesThat().resideInAPackage('io.sluice.adapters.jdbc..')
            .because('the dashboard calls the same use cases as the REST API, so that both see and change the same things alike')

    static final List<ArchRule> ALL = [DOMAIN_USES_THE_JDK_ONLY, APPLICATION_NEVER_USES_A_FRAMEWORK,
                                       COMPRESSION_STAYS_IN_THE_CODEC, ADAPTERS_NEVER_USE_THE_WEBAPP, ADAPTERS_DO_NOT_REACH_INTO_EACH_OTHER,
                                       DASHBOARD_CALLS_USE_CASES]

    /** Micronaut writes bean definitions next to the classes they describe; they are not our code. */
    static final ImportOption WITHOUT_GENERATED_DEFINITIONS = { Location location ->
        !(location.contains('$Definition') || location.contains('$Introspection') || location.contains('$Exec'))
    } as ImportOption

    private ArchitectureRules() {
    }
}
