package io.mockpanel;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/** Keeps the feature packages honest: no cycles, and only each feature's API is used by others. */
class ModuleStructureTest {

    @Test
    void feature_modules_only_use_each_others_public_api() {
        ApplicationModules.of(Application.class).verify();
    }
}
