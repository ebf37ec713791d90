package io.learnstack.testsupport;

import java.util.List;

/**
 * JVM options for the launchers started from tests: small heaps, and a JIT and collector that favour
 * a quick start on a machine with two cores over peak throughput.
 */
final class ChildJvm {

    private ChildJvm() {
    }

    static List<String> options(String maxHeap) {
        return List.of("-Xmx" + maxHeap, "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");
    }
}
