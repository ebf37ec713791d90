package io.learnstack.testsupport;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/**
 * A tiny program for {@link JavaProcessIntegrationTest}: listens on the port given as first argument
 * until it is terminated, or, with "fail" as first argument, prints a line and exits with code 3.
 */
public final class FixtureServer {

    private FixtureServer() {
    }

    public static void main(String[] args) throws IOException {
        if (args[0].equals("fail")) {
            System.out.println("fixture gives up: " + System.getenv("FIXTURE_REASON"));
            System.exit(3);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> System.out.println("fixture stopping")));
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress("127.0.0.1", Integer.parseInt(args[0])));
            System.out.println("fixture listening on " + socket.getLocalPort());
            while (true) {
                socket.accept().close();
            }
        }
    }
}
