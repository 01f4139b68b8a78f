package dev.paydeck;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModuleDependency;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class ModularityTests {

    private static final ApplicationModules MODULES = ApplicationModules.of(PaydeckApplication.class);

    @Test
    void modulesRespectTheirBoundaries() {
        MODULES.verify();
    }

    /** The sandbox is a Stripe emulator others can run alone: it must not need any of Paydeck. */
    @Test
    void sandboxDependsOnNoOtherModule() {
        assertThat(dependencies(sandbox())).isEmpty();
    }

    /**
     * Paydeck reaches the sandbox only the way it reaches real Stripe (stripe-java over HTTP), so that every path
     * run against the sandbox is the one run in production, and the sandbox can be switched off.
     */
    @Test
    void noModuleDependsOnTheSandbox() {
        ApplicationModule sandbox = sandbox();
        List<String> onSandbox = MODULES.stream()
                .filter(module -> !module.equals(sandbox))
                .flatMap(module -> module.getDirectDependencies(MODULES).stream()
                        .filter(dependency -> dependency.getTargetModule().equals(sandbox))
                        .map(dependency -> module.getIdentifier() + ": " + describe(dependency)))
                .toList();
        assertThat(onSandbox).isEmpty();
    }

    /**
     * Writes the module diagrams (PlantUML component diagrams, one for all modules and one per module) and the module
     * canvases into {@code docs/architecture/} of the repository, so the committed documents follow the code: the
     * folder is emptied and written again on every run, and a change shows in {@code git status}.
     */
    @Test
    void writesTheModuleDocumentation() throws IOException {
        Path folder = Path.of(System.getProperty("basedir", ""), "docs", "architecture").toAbsolutePath();
        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder(folder.toString()))
                .writeDocumentation();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path diagram : files.filter(file -> file.toString().endsWith(".puml")).toList()) {
                Files.write(diagram, inStableOrder(Files.readAllLines(diagram)));
            }
        }
        assertThat(folder.resolve("components.puml")).isNotEmptyFile();
        MODULES.forEach(module -> assertThat(folder.resolve("module-" + module.getIdentifier() + ".puml"))
                .isNotEmptyFile());
        MODULES.forEach(module -> assertThat(folder.resolve("module-" + module.getIdentifier() + ".adoc"))
                .isNotEmptyFile());
    }

    /** A diagram's declarations (components, relations), which PlantUML draws the same in any order. */
    private static final Pattern DECLARATION = Pattern.compile("^\\s*(Rel|Component|Container|System)\\(.*");

    /**
     * The Documenter writes the components and relations of a diagram in hash order, which changes from run to run:
     * each run of consecutive declarations is sorted, so the committed files change only when the modules do.
     */
    static List<String> inStableOrder(List<String> lines) {
        List<String> ordered = new ArrayList<>(lines.size());
        List<String> run = new ArrayList<>();
        for (String line : lines) {
            if (DECLARATION.matcher(line).matches()) {
                run.add(line);
                continue;
            }
            run.sort(null);
            ordered.addAll(run);
            run.clear();
            ordered.add(line);
        }
        run.sort(null);
        ordered.addAll(run);
        return ordered;
    }

    private static ApplicationModule sandbox() {
        return MODULES.getModuleByName("sandbox").orElseThrow();
    }

    private static List<String> dependencies(ApplicationModule module) {
        return module.getDirectDependencies(MODULES).stream().map(ModularityTests::describe).toList();
    }

    private static String describe(ApplicationModuleDependency dependency) {
        return dependency.getSourceType().getName() + " -> " + dependency.getTargetType().getName() + " ("
                + dependency.getDependencyType() + ")";
    }
}
