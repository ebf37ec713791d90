package io.learnstack.infra.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

class CatalogueTest {

    @Test
    void everyStackedCredentialIsDefinedBeforeTheOneThatNamesIt() {
        Set<String> defined = new HashSet<>();
        for (Map<String, Object> credential : Catalogue.credentials(Tenant.EMBEDDED.get(1))) {
            assertThat(defined).containsAll(held(credential.get("requirement")));
            defined.add((String) credential.get("id"));
        }
        assertThat(defined).contains("unit-hltaid009", Catalogue.CPR, "workplace-ready", "business-leader");
    }

    @Test
    void onlyTheCprCredentialExpires() {
        assertThat(Catalogue.credentials(Tenant.EMBEDDED.get(0)))
                .filteredOn(credential -> credential.containsKey("validity"))
                .singleElement().satisfies(credential -> {
                    assertThat(credential.get("id")).isEqualTo(Catalogue.CPR);
                    assertThat(credential.get("validity")).isEqualTo("P1Y");
                });
    }

    @Test
    void optionsHaveDefaultsAndRefuseNonsense() {
        DemoOptions defaults = DemoOptions.parse();
        assertThat(defaults.learners()).isEqualTo(3000);
        assertThat(DemoOptions.parse("--learners", "200", "--seed", "9", "--base-url", "http://h:1/").baseUrl())
                .isEqualTo("http://h:1");
        assertThatThrownBy(() -> DemoOptions.parse("--learners", "many")).hasMessageContaining("number");
        assertThatThrownBy(() -> DemoOptions.parse("--colour", "red")).hasMessageContaining("unknown option");
        assertThatThrownBy(() -> DemoOptions.parse("--seed")).hasMessageContaining("needs a value");
    }

    private static List<String> held(Object requirement) {
        List<String> ids = new ArrayList<>();
        if (requirement instanceof Map<?, ?> node) {
            if ("credentialHeld".equals(node.get("type"))) {
                ids.add((String) node.get("credentialId"));
            }
            if (node.get("of") instanceof List<?> children) {
                children.forEach(child -> ids.addAll(held(child)));
            }
        }
        return ids;
    }
}
