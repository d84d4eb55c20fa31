package dev.preflight.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaConstructorCall;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaFieldAccess;
import com.tngtech.archunit.core.domain.JavaFieldAccess.AccessType;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

/**
 * The shape Preflight keeps, as rules over compiled classes (see CONTRIBUTING.md): a feature is a
 * package under the root ({@code launch}, {@code audit} with {@code audit.search}); {@code platform}
 * is what every feature may use and imports none of them.
 *
 * @param root     the root package, {@code dev.preflight}
 * @param entity   which classes are mapped to tables
 * @param pages    which classes answer the HTML pages
 * @param resource which classes answer the JSON API
 */
record ArchitectureRules(String root, DescribedPredicate<JavaClass> entity, DescribedPredicate<JavaClass> pages,
        DescribedPredicate<JavaClass> resource) {

    private static final Pattern QUERY = Pattern.compile("(find|list|count|persist|delete|update|stream)\\w*");

    /** The platform imports no feature. */
    ArchRule platformImportsNoFeature() {
        return noClasses().that().resideInAPackage(root + ".platform..")
                .should().dependOnClassesThat(feature())
                .as("the platform imports no feature");
    }

    /** No two packages depend on each other, however indirectly. */
    ArchRule noPackageCycles() {
        return slices().matching(root + ".(**)").should().beFreeOfCycles()
                .as("no cycles between packages");
    }

    /** A page class is reached by its address only; nothing else in the code refers to it. */
    ArchRule nothingImportsPages() {
        return classes().should(new ArchCondition<JavaClass>("not refer to another class's pages") {
            @Override
            public void check(JavaClass origin, ConditionEvents events) {
                for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
                    JavaClass target = dependency.getTargetClass().getBaseComponentType();
                    if (pages.test(target) && !topLevel(origin).equals(topLevel(target))) {
                        events.add(SimpleConditionEvent.violated(origin, dependency.getDescription()));
                    }
                }
            }
        }).as("nothing imports a *Pages class");
    }

    /** The API answers with views (records), never with the entities themselves. */
    ArchRule resourcesReturnNoEntity() {
        return methods().that().areDeclaredInClassesThat(resource).and().arePublic()
                .should(new ArchCondition<JavaMethod>("not return an entity") {
                    @Override
                    public void check(JavaMethod method, ConditionEvents events) {
                        method.getReturnType().getAllInvolvedRawTypes().stream().filter(entity)
                                .forEach(type -> events.add(SimpleConditionEvent.violated(method,
                                        method.getFullName() + " returns the entity " + type.getName())));
                    }
                }).allowEmptyShould(true)
                .as("no *Resource returns an entity");
    }

    /**
     * A feature queries and writes only its own tables: it does not create another feature's entity,
     * set its fields or call its queries ({@code find}, {@code list}, {@code count}, {@code persist},
     * {@code delete}, {@code update}, {@code stream}); it asks that feature's API instead. The methods
     * in {@code known} ({@code Class.method}) did so before the rule and are left as they are.
     */
    ArchRule featuresKeepToTheirTables(Set<String> known) {
        return classes().should(new ArchCondition<JavaClass>("query and write only their own feature's tables") {
            @Override
            public void check(JavaClass origin, ConditionEvents events) {
                for (JavaAccess<?> access : origin.getAccessesFromSelf()) {
                    JavaClass target = access.getTargetOwner();
                    if (!entity.test(target) || featureOf(target).equals(featureOf(origin))
                            || known.contains(access.getOrigin().getOwner().getSimpleName() + "."
                                    + access.getOrigin().getName())) {
                        continue;
                    }
                    boolean writes = access instanceof JavaConstructorCall
                            || access instanceof JavaFieldAccess field && field.getAccessType() == AccessType.SET
                            || access instanceof JavaMethodCall call && QUERY.matcher(call.getName()).matches();
                    if (writes) {
                        events.add(SimpleConditionEvent.violated(origin, access.getDescription()));
                    }
                }
            }
        }).as("features reach another feature's tables only through its API");
    }

    /**
     * Entities of one feature refer to those of another only by the associations named here; any
     * other such reference is an id plus the owning feature's API (see the persistence rule in
     * CONTRIBUTING.md).
     */
    ArchRule onlyKnownAssociationsCrossFeatures(Set<String> known) {
        return fields().that().areDeclaredInClassesThat(entity)
                .should(new ArchCondition<JavaField>("refer to another feature's entity only if listed") {
                    @Override
                    public void check(JavaField field, ConditionEvents events) {
                        boolean crosses = field.getType().getAllInvolvedRawTypes().stream()
                                .anyMatch(type -> entity.test(type) && !featureOf(type).equals(featureOf(field.getOwner())));
                        String name = field.getOwner().getSimpleName() + "." + field.getName();
                        if (crosses && !known.contains(name)) {
                            events.add(SimpleConditionEvent.violated(field, name + " refers to another feature's entity"));
                        }
                    }
                }).allowEmptyShould(true)
                .as("associations across features are only the known ones");
    }

    /** Every rule; {@code known} lists what predates the rules about other features' tables. */
    List<ArchRule> all(Known known) {
        return List.of(platformImportsNoFeature(), noPackageCycles(), nothingImportsPages(),
                resourcesReturnNoEntity(), featuresKeepToTheirTables(known.tableReaches()),
                onlyKnownAssociationsCrossFeatures(known.associations()));
    }

    /**
     * What was there before the rules about other features' tables: associations ({@code Entity.field})
     * and methods that query another feature's entities ({@code Class.method}). The lists only shrink.
     */
    record Known(Set<String> associations, Set<String> tableReaches) {

        static final Known NOTHING = new Known(Set.of(), Set.of());
    }

    private DescribedPredicate<JavaClass> feature() {
        return DescribedPredicate.describe("a feature of " + root, type -> type.getPackageName().startsWith(root + ".")
                && !type.getPackageName().startsWith(root + ".platform"));
    }

    /** {@code launch} for {@code dev.preflight.launch.LaunchPages}, {@code audit} for {@code audit.search}. */
    String featureOf(JavaClass type) {
        String name = type.getPackageName();
        if (!name.startsWith(root + ".")) {
            return name;
        }
        String below = name.substring(root.length() + 1);
        return below.contains(".") ? below.substring(0, below.indexOf('.')) : below;
    }

    private static String topLevel(JavaClass type) {
        JavaClass outer = type;
        while (outer.getEnclosingClass().isPresent()) {
            outer = outer.getEnclosingClass().get();
        }
        return outer.getName();
    }
}
