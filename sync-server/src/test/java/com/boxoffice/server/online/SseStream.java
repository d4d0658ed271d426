package com.boxoffice.server.online;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A Server-Sent Events client for tests, as a browser's EventSource reads a stream: lines over real
 * HTTP (java.net.http), grouped into events at each blank line, every wait bounded by a timeout.
 */
final class SseStream implements AutoCloseable {

    /** One event as dispatched; comment lines are kept apart so heartbeats can be seen. */
    record Event(String name, String id, String data, List<String> comments) {
    }

    private static final String END = "\u0000end";

    private final HttpClient client;
    private final HttpResponse<Stream<String>> response;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();

    private SseStream(HttpClient client, HttpResponse<Stream<String>> response) {
        this.client = client;
        this.response = response;
        Thread.ofPlatform().daemon().name("sse-test-reader").start(() -> {
            try (Stream<String> body = response.body()) {
                body.forEach(lines::add);
            } catch (RuntimeException e) {
                // the connection was closed under the reader
            } finally {
                lines.add(END);
            }
        });
    }

    /** Opens the stream and waits for the answer's headers (the server has registered the stream by then). */
    static SseStream open(int port, String path, Map<String, String> headers) throws Exception {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Accept", "text/event-stream");
        headers.forEach(request::header);
        HttpResponse<Stream<String>> response = client.sendAsync(request.build(), HttpResponse.BodyHandlers.ofLines())
                .get(20, TimeUnit.SECONDS);
        return new SseStream(client, response);
    }

    static SseStream open(int port, String path) throws Exception {
        return open(port, path, Map.of());
    }

    int status() {
        return response.statusCode();
    }

    String header(String name) {
        return response.headers().firstValue(name).orElse(null);
    }

    /** The next event with data (comment-only blocks skipped); null when none came in time or the stream ended. */
    Event next(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Event event = nextBlock(deadline);
            if (event == null || event.data() != null) {
                return event;
            }
        }
    }

    /** The next block of lines up to a blank line, comments included; null on timeout or end of stream. */
    Event nextBlock(long deadline) throws InterruptedException {
        String name = null;
        String id = null;
        StringBuilder data = null;
        List<String> comments = new ArrayList<>();
        while (true) {
            long left = deadline - System.nanoTime();
            String line = left <= 0 ? null : lines.poll(left, TimeUnit.NANOSECONDS);
            if (line == null) {
                return null;
            }
            if (line.equals(END)) {
                lines.add(END);
                return null;
            }
            if (line.isEmpty()) {
                if (name != null || id != null || data != null || !comments.isEmpty()) {
                    return new Event(name, id, data == null ? null : data.toString(), comments);
                }
                continue;
            }
            if (line.startsWith(":")) {
                comments.add(line.substring(1).strip());
                continue;
            }
            int colon = line.indexOf(':');
            String field = colon < 0 ? line : line.substring(0, colon);
            String value = colon < 0 ? "" : line.substring(colon + 1);
            if (value.startsWith(" ")) {
                value = value.substring(1);
            }
            switch (field) {
                case "event" -> name = value;
                case "id" -> id = value;
                case "data" -> data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
                default -> { }
            }
        }
    }

    /** Whether the server ended the stream within the timeout (anything still unread is skipped). */
    boolean endsWithin(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            String line = left <= 0 ? null : lines.poll(left, TimeUnit.NANOSECONDS);
            if (line == null) {
                return false;
            }
            if (line.equals(END)) {
                lines.add(END);
                return true;
            }
        }
    }

    /** Drops the connection at once, as a closed browser tab does. */
    @Override
    public void close() {
        client.shutdownNow();
    }
}
