package com.boxoffice.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import redis.embedded.RedisServer;

/**
 * A real Redis for tests: {@code REDIS_URL} when set, else the server on 127.0.0.1:6379 when it answers
 * PING, else a real Redis binary shipped as a Maven artifact, started once per JVM on a free port
 * ({@code BOXOFFICE_TEST_SERVERS=embedded} skips the running servers, to try what a fresh machine
 * does).
 *
 * <p>Tests share the server, so they isolate themselves by key (every performance id is unique per
 * test) and never flush the database.
 */
public final class TestRedis {

    private static final Logger log = LoggerFactory.getLogger(TestRedis.class);
    private static volatile String url;

    private TestRedis() {
    }

    /** A {@code redis://} URL of a running, real Redis. */
    public static synchronized String url() {
        if (url == null) {
            url = resolve();
        }
        return url;
    }

    private static String resolve() {
        if (TestServers.embeddedOnly()) {
            return startEmbedded();
        }
        String configured = System.getenv("REDIS_URL");
        if (configured != null && !configured.isBlank()) {
            return configured;
        }
        if (answersPing("127.0.0.1", 6379)) {
            return "redis://127.0.0.1:6379";
        }
        return startEmbedded();
    }

    private static String startEmbedded() {
        try {
            int port = freePort();
            RedisServer server = RedisServer.newRedisServer()
                    .bind("127.0.0.1")
                    .port(port)
                    .setting("save \"\"")
                    .setting("appendonly no")
                    .build();
            server.start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    server.stop();
                } catch (IOException e) {
                    // the JVM is exiting; the process dies with it
                }
            }));
            log.info("Started embedded Redis on port {}", port);
            return "redis://127.0.0.1:" + port;
        } catch (IOException e) {
            throw new IllegalStateException("No Redis reachable and the embedded one did not start", e);
        }
    }

    static boolean answersPing(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 300);
            socket.setSoTimeout(1000);
            OutputStream out = socket.getOutputStream();
            out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] reply = new byte[7];
            int n = in.read(reply);
            return n > 0 && new String(reply, 0, n, StandardCharsets.US_ASCII).startsWith("+PONG");
        } catch (IOException e) {
            return false;
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Host and port of {@link #url()}, for tools that take them apart (redis-benchmark). */
    public static URI uri() {
        return URI.create(url());
    }
}
