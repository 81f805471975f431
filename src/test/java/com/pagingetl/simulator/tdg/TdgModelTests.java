package com.pagingetl.simulator.tdg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.json.JsonMapper;

/** Loading and validating the model description. */
class TdgModelTests {

    private static TdgModel parse(String json) {
        return TdgModel.parse(JsonMapper.builder().build().readTree(json));
    }

    @Test
    void defaultModelHasVersionedCountryAndAccount() {
        TdgModel model = TdgModel.loadDefault();
        assertThat(model.type("Country").versioned()).isTrue();
        assertThat(model.type("Country").primary().field()).isEqualTo("title");
        assertThat(model.type("Account").index("updated_at")).isNotNull();
        assertThat(model.type("Account").updateTimeField()).isEqualTo("updated_at");
    }

    @Test
    void rejectsSystemFieldsAndBadIndexes() {
        assertThatThrownBy(() -> parse("{\"types\":[{\"name\":\"T\",\"fields\":[{\"name\":\"version\",\"type\":\"long\"}],"
                + "\"indexes\":[{\"field\":\"version\"}]}]}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("system field");
        assertThatThrownBy(() -> parse("{\"types\":[{\"name\":\"T\",\"fields\":[{\"name\":\"a\",\"type\":\"string\"}],"
                + "\"indexes\":[{\"field\":\"b\"}]}]}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown field b");
        assertThatThrownBy(() -> parse("{\"types\":[{\"name\":\"T\",\"fields\":[{\"name\":\"a\",\"type\":\"string\"}]}]}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("primary index");
    }

    @Test
    void aNonVersionedModelTypeIsServedWithoutVersionArguments() {
        TdgModel model = parse("{\"types\":[{\"name\":\"Tag\",\"fields\":[{\"name\":\"name\",\"type\":\"string\"},"
                + "{\"name\":\"weight\",\"type\":\"int\"}],\"indexes\":[{\"field\":\"name\"}]}]}");
        TdgStore store = new TdgStore(model, new TdgDataGenerator(1), 1, 20, 3);
        assertThat(store.liveCount("Tag")).isEqualTo(20);
        assertThat(store.storedVersions("Tag")).isEqualTo(20);
        store.writeRandom(200);
        assertThat(store.storedVersions("Tag")).isEqualTo(store.liveCount("Tag"));
        var schema = new TdgSchema(store, new TdgHardLimits(2000, 100), new java.util.concurrent.ConcurrentLinkedQueue<>())
                .dataSchema(model);
        assertThat(schema.getQueryType().getFieldDefinition("Tag").getArgument("version")).isNull();
        assertThat(schema.getObjectType("Tag").getFieldDefinition("cursor")).isNotNull();
        assertThat(schema.getObjectType("Tag").getFieldDefinition("version")).isNull();
    }
}
