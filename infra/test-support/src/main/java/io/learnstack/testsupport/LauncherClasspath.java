package io.learnstack.testsupport;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The classpath a launcher module runs on when started from a test: its own classes plus the runtime
 * libraries its build recorded in {@code META-INF/learnstack/<module>.classpath}. That is what the run
 * script gives it (its jar and {@code target/lib}), and it keeps the launcher's logging setup apart from
 * whatever the test's classpath carries.
 */
final class LauncherClasspath {

    private LauncherClasspath() {
    }

    /**
     * @param mainClass the launcher's main class, to find its classes and its recorded libraries
     * @param module    the launcher's artifact id
     * @return the classpath, or that of the current JVM when no usable record is found (e.g. in an IDE
     *         build that skipped Maven's resource generation)
     */
    static String of(Class<?> mainClass, String module) {
        String recorded = recorded(mainClass, module);
        if (recorded == null) {
            System.err.println("No usable META-INF/learnstack/" + module + ".classpath; starting " + module
                    + " on this JVM's classpath instead");
            return System.getProperty("java.class.path");
        }
        return codeSource(mainClass) + File.pathSeparator + recorded;
    }

    private static String recorded(Class<?> mainClass, String module) {
        URL resource = mainClass.getClassLoader().getResource("META-INF/learnstack/" + module + ".classpath");
        if (resource == null) {
            return null;
        }
        String classpath;
        try (InputStream in = resource.openStream()) {
            classpath = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
        // Written on the machine that built the module: check it still holds here.
        List<String> missing = new ArrayList<>();
        for (String entry : classpath.split(File.pathSeparator)) {
            if (!entry.isEmpty() && !Files.exists(Path.of(entry))) {
                missing.add(entry);
            }
        }
        if (!missing.isEmpty()) {
            System.err.println(resource + " lists missing files, e.g. " + missing.get(0));
            return null;
        }
        return classpath;
    }

    private static String codeSource(Class<?> mainClass) {
        try {
            return Path.of(mainClass.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot locate the classes of " + mainClass.getName(), e);
        }
    }
}
