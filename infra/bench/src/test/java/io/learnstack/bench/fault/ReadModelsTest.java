package io.learnstack.bench.fault;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.junit.jupiter.api.Test;

class ReadModelsTest {

    private final ReadModels readModels = new ReadModels("mongodb://127.0.0.1:1");

    @Test
    void setsAppendedInAnotherOrderAndWriteCountersCompareEqual() throws Exception {
        Document live = new Document("_id", "a").append("verbs", List.of("completed", "attempted")).append("version", 7);
        Document rebuilt = new Document("verbs", List.of("attempted", "completed")).append("_id", "a").append("version", 2);

        assertThat(readModels.canonical("statements", live)).isEqualTo(readModels.canonical("statements", rebuilt));
    }

    @Test
    void cacheTokensCompareByWhichBucketsCarryOneNotByTheirValue() throws Exception {
        Document live = new Document("_id", "demo").append("buckets", Map.of("0", "3f16", "11", "15e5"));
        Document rebuilt = new Document("_id", "demo").append("buckets", Map.of("0", "c2e5", "11", "c410"));
        Document fewer = new Document("_id", "demo").append("buckets", Map.of("0", "c2e5"));

        assertThat(readModels.canonical("analytics_versions", live))
                .isEqualTo(readModels.canonical("analytics_versions", rebuilt))
                .isNotEqualTo(readModels.canonical("analytics_versions", fewer));
        assertThat(readModels.canonical("analytics_buckets", live))
                .isNotEqualTo(readModels.canonical("analytics_buckets", rebuilt));
    }
}
