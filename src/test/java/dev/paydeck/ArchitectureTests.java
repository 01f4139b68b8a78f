package dev.paydeck;

import com.stripe.StripeClient;
import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcOperations;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.event.TransactionalEventListener;

import javax.sql.DataSource;
import java.sql.Connection;
import java.util.Set;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;

/** Rules of STYLE.md and DESIGN.md that the compiler and Spring Modulith do not check, over the main classes. */
@AnalyzeClasses(packages = "dev.paydeck", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

    /** The types through which Java code reaches the database. */
    private static final DescribedPredicate<JavaClass> DATABASE_ACCESS = belongToAnyOf(JdbcClient.class,
            JdbcTemplate.class, JdbcOperations.class, NamedParameterJdbcTemplate.class,
            NamedParameterJdbcOperations.class, DataSource.class, Connection.class)
            .as("JdbcClient, JdbcTemplate, NamedParameterJdbcTemplate, DataSource or java.sql.Connection");

    /**
     * Where SQL is written: a class named {@code *Records} or annotated {@code @Repository} (its nested and anonymous
     * classes too, e.g. a row mapper or an array parameter).
     */
    private static final DescribedPredicate<JavaClass> STORAGE = DescribedPredicate.describe(
            "*Records or @Repository classes", javaClass -> {
                JavaClass outermost = outermost(javaClass);
                return outermost.getSimpleName().endsWith("Records") || outermost.isAnnotatedWith(Repository.class);
            });

    /**
     * The storage classes themselves, whose methods run SQL. A controller may still name a row type one declares
     * (e.g. the sandbox's {@code WebhookDeliveries.Attempt} a service hands it): that calls nothing.
     */
    private static final DescribedPredicate<JavaClass> STORAGE_CLASSES = DescribedPredicate.describe(
            "*Records or @Repository classes", javaClass -> javaClass.isTopLevelClass()
                    && (javaClass.getSimpleName().endsWith("Records") || javaClass.isAnnotatedWith(Repository.class)));

    /**
     * Platform infrastructure that must reach the database itself, named one by one so that the list is read when it
     * grows: starting the embedded PostgreSQL (it checks the server with a plain connection before any pool exists),
     * the database configuration (it builds the data source Flyway, the event publication registry and every
     * {@code JdbcClient} use), the health check's {@code select 1} (it reads no table, so it has no records) and the
     * set-up of db-scheduler (it hands the data source to the scheduler, which keeps its own table).
     */
    private static final Set<String> PLATFORM_DATABASE = Set.of(
            "dev.paydeck.platform.database.DatabaseConfiguration",
            "dev.paydeck.platform.database.EmbeddedPostgresServer",
            "dev.paydeck.platform.web.DatabaseCheck",
            "dev.paydeck.platform.jobs.JobScheduling");

    private static final DescribedPredicate<JavaClass> PLATFORM_DATABASE_INFRASTRUCTURE = DescribedPredicate.describe(
            "the platform's database start-up, configuration, health check and scheduler " + PLATFORM_DATABASE,
            javaClass -> PLATFORM_DATABASE.contains(outermost(javaClass).getName()));

    @ArchTest
    static final ArchRule sqlLivesOnlyInRecords = noClasses()
            .that(not(STORAGE)).and(not(PLATFORM_DATABASE_INFRASTRUCTURE))
            .should().dependOnClassesThat(DATABASE_ACCESS)
            .because("every table's SQL is found in one place, its *Records class (or the @Repository that is the "
                    + "table's store, like the sandbox's ObjectStore and the webhook event store), while services "
                    + "keep the rules and transactions; the sandbox follows the same rule for its own schema");

    @ArchTest
    static final ArchRule controllersCallServicesOnly = noClasses()
            .that().areMetaAnnotatedWith(Controller.class)
            .should().dependOnClassesThat(STORAGE_CLASSES)
            .orShould().dependOnClassesThat(DATABASE_ACCESS)
            .orShould().dependOnClassesThat(belongToAnyOf(StripeClient.class, ApplicationEventPublisher.class)
                    .as("stripe-java's StripeClient or ApplicationEventPublisher"))
            .because("a controller translates HTTP to a call of its module's service: the records, the Stripe calls "
                    + "and the events belong to the service, where a transaction and the rules around them hold");

    @ArchTest
    static final ArchRule controllersLiveInWebPackages = classes()
            .that().areMetaAnnotatedWith(Controller.class).and(not(resideInAPackage("dev.paydeck.sandbox..")))
            .should().resideInAPackage("..web..")
            .because("a module keeps HTTP in its web subpackage (STYLE.md); the sandbox is the exception, one "
                    + "package per Stripe resource family with its hosted pages (DESIGN.md, the sandbox contract)");

    @ArchTest
    static final ArchRule noGenericNames = noClasses()
            .should().haveSimpleNameEndingWith("Impl")
            .orShould().haveSimpleNameEndingWith("Helper")
            .orShould().haveSimpleNameEndingWith("Util")
            .orShould().haveSimpleNameEndingWith("Utils")
            .orShould().haveSimpleNameEndingWith("Manager")
            .because("a class is named for the domain thing it is, not for being an implementation or a helper "
                    + "(STYLE.md)");

    @ArchTest
    static final ArchRule afterCommitListenersAreModuleListeners = noMethods()
            .should().beAnnotatedWith(TransactionalEventListener.class)
            .because("the event publication registry tracks every transactional event listener: a module's event is "
                    + "consumed with @ApplicationModuleListener (asynchronous, its own transaction), and work inside "
                    + "a module after its own commit registers a TransactionSynchronization; a plain "
                    + "@TransactionalEventListener would store each event and need a second connection on the "
                    + "committing thread (which deadlocked the pool under load)");

    private static JavaClass outermost(JavaClass javaClass) {
        JavaClass outermost = javaClass;
        while (outermost.getEnclosingClass().isPresent()) {
            outermost = outermost.getEnclosingClass().get();
        }
        return outermost;
    }
}
