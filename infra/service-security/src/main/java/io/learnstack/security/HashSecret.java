package io.learnstack.security;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * Prints the BCrypt hash of a key's secret for {@code learnstack.security.clients[n].secret-hash}.
 * The secret is read from the terminal without echo, or from the first line of standard input, never from
 * the command line where it would show in the process list and the shell history.
 * <p>
 * {@code infra/bin/learnstack hash-secret}, or
 * {@code java -cp command-service.jar -Dloader.main=io.learnstack.security.HashSecret
 * org.springframework.boot.loader.launch.PropertiesLauncher}
 */
public final class HashSecret {

    private HashSecret() {
    }

    public static void main(String[] args) throws IOException {
        String secret = read();
        if (secret == null || secret.isEmpty()) {
            System.err.println("hash-secret: no secret given");
            System.exit(2);
        }
        if (secret.getBytes(StandardCharsets.UTF_8).length > SecretVerifier.MAX_SECRET_BYTES) {
            System.err.println("hash-secret: a secret may have at most " + SecretVerifier.MAX_SECRET_BYTES + " bytes");
            System.exit(2);
        }
        System.out.println(new BCryptPasswordEncoder().encode(secret));
    }

    private static String read() throws IOException {
        Console console = System.console();
        if (console != null) {
            char[] typed = console.readPassword("secret: ");
            return typed == null ? null : new String(typed);
        }
        return new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
    }
}
