package dev.paydeck;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

class ModularityTests {

    @Test
    void modulesRespectTheirBoundaries() {
        ApplicationModules.of(PaydeckApplication.class).verify();
    }

    @Test
    void sandboxDependsOnNoOtherModule() {
        var modules = ApplicationModules.of(PaydeckApplication.class);
        var sandbox = modules.getModuleByName("sandbox").orElseThrow();
        org.assertj.core.api.Assertions.assertThat(sandbox.getDirectDependencies(modules).stream()
                .map(dependency -> dependency.getTargetModule().getIdentifier().toString()).toList()).isEmpty();
    }
}
