package io.sluice.webapp

import com.tngtech.archunit.core.importer.ClassFileImporter
import com.tngtech.archunit.core.importer.ImportOption
import io.sluice.application.archfixture.UseCaseCompressingOnItsOwn
import io.sluice.application.archfixture.UseCaseReachingIntoAnAdapter
import io.sluice.domain.archfixture.DomainClassReachingForAFramework
import io.sluice.webapp.dashboard.archfixture.PageReadingARepository
import spock.lang.Specification

class ArchitectureSpec extends Specification {

    static final production = new ClassFileImporter()
            .withImportOption(new ImportOption.DoNotIncludeTests())
            .withImportOption(ArchitectureRules.WITHOUT_GENERATED_DEFINITIONS)
            .importPackages('io.sluice')

    def 'the production classes keep every dependency rule'() {
        expect:
        !production.isEmpty()
        ArchitectureRules.ALL.each { it.check(production) }
    }

    def 'the specification fails on a domain class that uses a framework'() {
        given:
        def violating = new ClassFileImporter().importClasses(DomainClassReachingForAFramework)

        expect:
        ArchitectureRules.DOMAIN_USES_THE_JDK_ONLY.evaluate(violating).hasViolation()
    }

    def 'the specification fails on a use case that reaches into the web framework'() {
        given:
        def violating = new ClassFileImporter().importClasses(UseCaseReachingIntoAnAdapter)

        expect:
        ArchitectureRules.APPLICATION_NEVER_USES_A_FRAMEWORK.evaluate(violating).hasViolation()
    }

    def 'the specification fails on a class other than the codec that compresses'() {
        given:
        def violating = new ClassFileImporter().importClasses(UseCaseCompressingOnItsOwn)

        expect:
        ArchitectureRules.COMPRESSION_STAYS_IN_THE_CODEC.evaluate(violating).hasViolation()
    }

    def 'the specification fails on a dashboard class that reads a repository instead of calling a use case'() {
        given:
        def violating = new ClassFileImporter().importClasses(PageReadingARepository)

        expect:
        ArchitectureRules.DASHBOARD_CALLS_USE_CASES.evaluate(violating).hasViolation()
    }
}
