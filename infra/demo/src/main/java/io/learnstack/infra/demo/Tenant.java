package io.learnstack.infra.demo;

import java.util.List;

/**
 * One of the embedded tenants the demo fills, with the key it writes with.
 *
 * @param id     the tenant
 * @param key    its API key (the secret is the same word in the embedded setup)
 * @param domain where its course and learner identifiers live
 * @param share  its part of the learners, out of the shares of all tenants
 */
record Tenant(String id, String key, String domain, int share) {

    static final List<Tenant> EMBEDDED = List.of(
            new Tenant("demo", "demo", "demo.learnstack.example", 40),
            new Tenant("northside-rto", "northside", "northside-rto.example", 35),
            new Tenant("harbour-rto", "harbour", "harbour-rto.example", 25));

    String secret() {
        return key;
    }
}
