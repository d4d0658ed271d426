package com.boxoffice.server.load;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A plain HTTP/1.1 client connection for load: keeps the connection open and sends a batch of
 * requests before reading their answers (pipelining, which HTTP/1.1 servers answer in order), so
 * a load generator sharing two cores with the server spends its time on requests, not on system
 * calls. Not thread-safe: one connection per thread.
 */
final class PipelinedHttp implements AutoCloseable {

    /** One answer: its status and body, and whether the server closes the connection after it. */
    record Answer(int status, String body, boolean closing) {
    }

    private final URI base;
    private final int requestsPerConnection;
    private int sentOnConnection;
    private Socket socket;
    private OutputStream out;
    private InputStream in;

    /** @param requestsPerConnection most requests the server answers on one connection (Tomcat's default: 100) */
    PipelinedHttp(URI base, int requestsPerConnection) throws IOException {
        this.base = base;
        this.requestsPerConnection = requestsPerConnection;
        connect();
    }

    private void connect() throws IOException {
        sentOnConnection = 0;
        socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.connect(new InetSocketAddress(base.getHost(), base.getPort()), 5000);
        socket.setSoTimeout(60_000);
        out = socket.getOutputStream();
        in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
    }

    static byte[] get(String path) {
        return ("GET " + path + " HTTP/1.1\r\nHost: load\r\nAccept: application/json\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    static byte[] postJson(String path, String json) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        byte[] head = ("POST " + path + " HTTP/1.1\r\nHost: load\r\nContent-Type: application/json\r\nAccept: application/json\r\n"
                + "Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] request = new byte[head.length + body.length];
        System.arraycopy(head, 0, request, 0, head.length);
        System.arraycopy(body, 0, request, head.length, body.length);
        return request;
    }

    /**
     * Sends the requests back to back and reads their answers, in order. A server closes a kept-open
     * connection after so many requests (Tomcat: 100 unless set), answering the last with Connection: close;
     * requests already sent past that would be lost with the connection, so no more than that many
     * go on one connection, and any left unanswered are sent again on a new one.
     */
    List<Answer> send(List<byte[]> requests) throws IOException {
        List<Answer> answers = new ArrayList<>(requests.size());
        while (answers.size() < requests.size()) {
            if (sentOnConnection >= requestsPerConnection) {
                reconnect();
            }
            int chunk = Math.min(requests.size() - answers.size(), requestsPerConnection - sentOnConnection);
            ByteArrayOutputStream batch = new ByteArrayOutputStream();
            for (byte[] request : requests.subList(answers.size(), answers.size() + chunk)) {
                batch.write(request);
            }
            out.write(batch.toByteArray());
            out.flush();
            sentOnConnection += chunk;
            for (int i = 0; i < chunk; i++) {
                Answer answer = read();
                answers.add(answer);
                if (answer.closing()) {
                    reconnect();
                    break;
                }
            }
        }
        return answers;
    }

    private void reconnect() throws IOException {
        socket.close();
        connect();
    }

    private Answer read() throws IOException {
        String statusLine = line();
        int status = Integer.parseInt(statusLine.substring(9, 12));
        int length = -1;
        boolean chunked = false;
        boolean closing = false;
        String header;
        while (!(header = line()).isEmpty()) {
            int colon = header.indexOf(':');
            String name = header.substring(0, colon).trim();
            String value = header.substring(colon + 1).trim();
            if (name.equalsIgnoreCase("Content-Length")) {
                length = Integer.parseInt(value);
            } else if (name.equalsIgnoreCase("Transfer-Encoding") && value.equalsIgnoreCase("chunked")) {
                chunked = true;
            } else if (name.equalsIgnoreCase("Connection") && value.equalsIgnoreCase("close")) {
                closing = true;
            }
        }
        byte[] body;
        if (chunked) {
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            int size;
            while ((size = Integer.parseInt(line().split(";")[0].trim(), 16)) > 0) {
                all.write(in.readNBytes(size));
                line();
            }
            line();
            body = all.toByteArray();
        } else {
            body = in.readNBytes(Math.max(0, length));
        }
        return new Answer(status, new String(body, StandardCharsets.UTF_8), closing);
    }

    private String line() throws IOException {
        StringBuilder line = new StringBuilder(64);
        int c;
        while ((c = in.read()) != '\n') {
            if (c < 0) {
                throw new IOException("The server closed the connection (" + base + ")");
            }
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
