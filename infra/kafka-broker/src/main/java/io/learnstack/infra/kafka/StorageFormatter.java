package io.learnstack.infra.kafka;

import java.nio.file.Files;
import java.nio.file.Path;

import kafka.tools.StorageTool;
import org.apache.kafka.common.Uuid;

/**
 * Formats the log directory of a new node, which KRaft requires before the first start.
 */
final class StorageFormatter {

    private StorageFormatter() {
    }

    static boolean isFormatted(Path logDir) {
        return Files.isRegularFile(logDir.resolve("meta.properties"));
    }

    /**
     * Formats once; later starts keep the cluster id written then. {@code StorageTool.main} ends with
     * {@code Exit.exit}, which would take this JVM down, while {@code execute} only returns a status.
     */
    static void formatIfNeeded(Path configFile, Path logDir) {
        if (isFormatted(logDir)) {
            return;
        }
        String clusterId = Uuid.randomUuid().toString();
        String[] args = {"format", "--cluster-id", clusterId, "--config", configFile.toString(), "--ignore-formatted"};
        int status = StorageTool.execute(args, System.out);
        if (status != 0 || !isFormatted(logDir)) {
            throw new IllegalStateException("formatting " + logDir + " failed with status " + status);
        }
    }
}
