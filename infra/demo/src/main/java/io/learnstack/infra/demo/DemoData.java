package io.learnstack.infra.demo;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * {@code learnstack demo}: plans the demo data from the seed, writes the figures the dashboard should then
 * show, and loads the data through the entry point.
 */
public final class DemoData {

    private DemoData() {
    }

    public static void main(String[] args) {
        DemoOptions options;
        try {
            options = DemoOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("learnstack demo: " + e.getMessage());
            System.err.println(DemoOptions.USAGE);
            System.exit(2);
            return;
        }
        try {
            Map<String, Integer> refused = run(options, System.err);
            System.exit(refused.isEmpty() ? 0 : 1);
        } catch (RuntimeException | IOException e) {
            System.err.println("learnstack demo: " + e.getMessage());
            System.exit(1);
        }
    }

    /**
     * Plans, writes the expected figures, loads. Returns the kinds of request the system refused (e.g. an
     * API that is not there), with how often; empty when everything was taken.
     */
    public static Map<String, Integer> run(String... args) throws IOException {
        return run(DemoOptions.parse(args), System.err);
    }

    static Map<String, Integer> run(DemoOptions options, PrintStream out) throws IOException {
        Plan plan = Plan.generate(options.learners(), options.seed());
        Expected expected = Expected.of(plan);
        writeExpected(expected, options.expected());
        out.printf("Planned %d learners (seed %d); expected figures in %s%n", plan.learners().size(),
                options.seed(), options.expected().toAbsolutePath());

        Loader loader = new Loader(options.baseUrl());
        Progress catalogue = new Progress(out, "catalogue", Tenant.EMBEDDED.size());
        for (Tenant tenant : Tenant.EMBEDDED) {
            loader.loadCatalogue(tenant);
            catalogue.step();
        }
        catalogue.finish();
        Progress learners = new Progress(out, "learners", plan.learners().size());
        loader.load(plan, options.threads(), learners);
        learners.finish();
        if (options.volume() != null) {
            Progress volume = new Progress(out, "volume", -1);
            loader.loadVolume(Tenant.EMBEDDED.get(0), options.volume(), volume);
            volume.finish();
        }

        out.println("Answers:");
        loader.answers().forEach((kind, count) -> out.printf("  %-48s %d%n", kind, count));
        Map<String, Integer> refused = loader.refusals();
        if (!refused.isEmpty()) {
            out.println("Some requests were refused (see above); the figures that depend on them will differ.");
        }
        return refused;
    }

    static void writeExpected(Expected expected, Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), expected);
    }
}
