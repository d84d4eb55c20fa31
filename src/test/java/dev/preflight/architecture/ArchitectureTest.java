package dev.preflight.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import jakarta.persistence.Entity;
import jakarta.ws.rs.Path;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;

/** Preflight's compiled classes keep the shape its rules describe. */
class ArchitectureTest {

    static final ArchitectureRules PREFLIGHT = new ArchitectureRules("dev.preflight",
            DescribedPredicate.describe("entities", type -> type.isAnnotatedWith(Entity.class)),
            named("Pages", Path.class), named("Resource", Path.class));

    /**
     * What predates the persistence rule (CONTRIBUTING.md): the associations across features, kept
     * as they are mapped, and the methods that look up another feature's entities by its static
     * queries. A new association is an id plus the owning feature's API; these lists only shrink.
     */
    static final ArchitectureRules.Known KNOWN = new ArchitectureRules.Known(
            Set.of("Launch.service", "Launch.templateVersion", "Service.team", "LaunchItem.assignee", "User.teams"),
            Set.of("Badges.current", "Badges.mayOpen", "ItemRows.item", "ItemWorkflow.assignee", "LaunchWorkflow.open",
                    "LaunchWorkflow.publishedVersion", "RecoveryBook.service", "Runbooks.service", "Runbooks.view",
                    "CatalogImport.change", "CatalogImport.run", "Webhooks.create", "Webhooks.teamOf",
                    "Webhooks.view"));

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("dev.preflight");

    @Test
    void the_rules_see_what_they_are_about() {
        assertThat(MAIN.stream().filter(PREFLIGHT.entity()).count()).as("entities").isGreaterThan(15);
        assertThat(MAIN.stream().filter(PREFLIGHT.pages()).count()).as("page classes").isGreaterThan(15);
        assertThat(MAIN.stream().filter(PREFLIGHT.resource()).count()).as("API resources").isGreaterThan(8);
        assertThat(MAIN.stream().map(PREFLIGHT::featureOf).distinct()).as("features")
                .contains("launch", "audit", "platform", "service", "team");
    }

    @Test
    void preflight_keeps_every_rule() {
        for (ArchRule rule : PREFLIGHT.all(KNOWN)) {
            EvaluationResult result = rule.evaluate(MAIN);
            assertThat(result.getFailureReport().getDetails()).as(rule.getDescription()).isEmpty();
        }
    }

    static DescribedPredicate<JavaClass> named(String suffix, Class<? extends java.lang.annotation.Annotation> marker) {
        return DescribedPredicate.describe("*" + suffix + " with @" + marker.getSimpleName(),
                type -> type.getSimpleName().endsWith(suffix) && type.isAnnotatedWith(marker));
    }
}
