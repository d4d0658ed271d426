package com.boxoffice.localredis;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import redis.embedded.RedisServer;

/**
 * A real Redis on this machine: the configured one, else one answering on 127.0.0.1:6379, else a
 * Redis binary shipped as a Maven artifact and started on a free port. The client's demo mode and
 * the tests both use it, so either runs on a machine with nothing installed but Java.
 */
public final class LocalRedis implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LocalRedis.class);

    private final String url;
    private final RedisServer embedded;

    private LocalRedis(String url, RedisServer embedded) {
        this.url = url;
        this.embedded = embedded;
    }

    /** @param configured a {@code redis://} URL, or blank for "find or start one" */
    public static LocalRedis resolve(String configured) {
        if (configured != null && !configured.isBlank()) {
            return new LocalRedis(configured, null);
        }
        if (answersPing("127.0.0.1", 6379)) {
            return new LocalRedis("redis://127.0.0.1:6379", null);
        }
        return startEmbedded();
    }

    /** Starts the shipped Redis on a free port, whatever else is running. */
    public static LocalRedis startEmbedded() {
        try {
            int port;
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            RedisServer server = RedisServer.newRedisServer().bind("127.0.0.1").port(port)
                    .setting("save \"\"").setting("appendonly no").build();
            server.start();
            log.info("Started the built-in Redis on port {}", port);
            return new LocalRedis("redis://127.0.0.1:" + port, server);
        } catch (IOException e) {
            throw new UncheckedIOException("The built-in Redis did not start", e);
        }
    }

    public String url() {
        return url;
    }

    /** Whether this Redis was started by the client (and goes away with it). */
    public boolean isEmbedded() {
        return embedded != null;
    }

    @Override
    public void close() {
        if (embedded != null) {
            try {
                embedded.stop();
            } catch (IOException e) {
                log.warn("The built-in Redis did not stop cleanly: {}", e.toString());
            }
        }
    }

    /** Whether a Redis answers PING at this address. */
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
}
