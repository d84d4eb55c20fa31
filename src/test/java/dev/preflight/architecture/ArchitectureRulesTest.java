package dev.preflight.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;

import dev.preflight.architecture.fixture.Marks;

/**
 * The architecture rules catch what they are meant to: each fails on a small code base that breaks
 * it (the fixture package), so that {@link ArchitectureTest} passing means something.
 */
class ArchitectureRulesTest {

    private static final String ROOT = "dev.preflight.architecture.fixture";
    private static final ArchitectureRules RULES = new ArchitectureRules(ROOT,
            DescribedPredicate.describe("tables", type -> type.isAnnotatedWith(Marks.Table.class)),
            ArchitectureTest.named("Pages", Marks.Address.class), ArchitectureTest.named("Resource", Marks.Address.class));
    private static final JavaClasses BROKEN = new ClassFileImporter().importPackages(ROOT);

    @Test
    void a_platform_that_imports_a_feature_is_named() {
        assertThat(violations(RULES.platformImportsNoFeature())).contains("Helper").contains("AlphaRecord");
    }

    @Test
    void a_cycle_between_packages_is_named() {
        assertThat(violations(RULES.noPackageCycles())).contains("Cycle detected").contains("alpha").contains("beta");
    }

    @Test
    void a_class_that_refers_to_pages_is_named() {
        assertThat(violations(RULES.nothingImportsPages())).contains("BetaService.render");
    }

    @Test
    void a_resource_returning_an_entity_is_named() {
        assertThat(violations(RULES.resourcesReturnNoEntity())).contains("AlphaResource.get()")
                .contains("returns the entity " + ROOT + ".alpha.AlphaRecord");
    }

    @Test
    void reaching_another_features_table_is_named_unless_known() {
        assertThat(violations(RULES.featuresKeepToTheirTables(Set.of())))
                .contains("calls constructor <" + ROOT + ".alpha.AlphaRecord.<init>()>")
                .contains("sets field <" + ROOT + ".alpha.AlphaRecord.name>")
                .contains("calls method <" + ROOT + ".alpha.AlphaRecord.findAll()>");
        assertThat(violations(RULES.featuresKeepToTheirTables(Set.of("BetaService.all")))).isEmpty();
        assertThat(violations(RULES.onlyKnownAssociationsCrossFeatures(Set.of())))
                .contains("BetaRecord.parent refers to another feature's entity");
        assertThat(violations(RULES.onlyKnownAssociationsCrossFeatures(Set.of("BetaRecord.parent")))).isEmpty();
    }

    private static String violations(ArchRule rule) {
        return String.join("\n", rule.evaluate(BROKEN).getFailureReport().getDetails());
    }
}
