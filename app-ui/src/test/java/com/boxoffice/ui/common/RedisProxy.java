package com.boxoffice.ui.common;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.boxoffice.testsupport.TestRedis;

/**
 * A TCP forwarder between a client and the test Redis, so a test can cut the network while Redis
 * keeps its data: {@link #cut()} drops every connection and refuses new ones, {@link #restore()}
 * listens again on the same port.
 */
public final class RedisProxy implements AutoCloseable {

    private final URI target;
    private final int port;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private volatile ServerSocket server;

    private RedisProxy(URI target) throws IOException {
        this.target = target;
        this.server = listen(0);
        this.port = server.getLocalPort();
        accept(server);
    }

    /** A proxy to the test Redis, listening on a free port. */
    public static RedisProxy toTestRedis() throws IOException {
        return new RedisProxy(TestRedis.uri());
    }

    /** The test Redis URL through this proxy, on the client tests' database. */
    public String url() {
        try {
            return new URI(target.getScheme(), target.getUserInfo(), "127.0.0.1", port, "/" + ClientFixture.database(),
                    null, null).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Drops every open connection and refuses new ones, as a pulled network cable would. */
    public synchronized void cut() throws IOException {
        if (server != null) {
            server.close();
            server = null;
        }
        for (Socket socket : sockets) {
            socket.close();
        }
        sockets.clear();
    }

    /** Takes connections again, on the same port. */
    public synchronized void restore() throws IOException {
        if (server == null) {
            server = listen(port);
            accept(server);
        }
    }

    private static ServerSocket listen(int port) throws IOException {
        ServerSocket socket = new ServerSocket();
        socket.setReuseAddress(true);
        socket.bind(new InetSocketAddress("127.0.0.1", port));
        return socket;
    }

    private void accept(ServerSocket listening) {
        Thread.ofVirtual().name("redis-proxy-accept").start(() -> {
            while (!listening.isClosed()) {
                try {
                    Socket client = listening.accept();
                    Socket upstream = new Socket(target.getHost(), target.getPort());
                    sockets.add(client);
                    sockets.add(upstream);
                    if (listening.isClosed()) {
                        // cut while this one was being accepted
                        closeQuietly(client);
                        closeQuietly(upstream);
                        continue;
                    }
                    pipe(client, upstream);
                    pipe(upstream, client);
                } catch (IOException e) {
                    // closed by cut() or close()
                }
            }
        });
    }

    /** Copies one direction; either side closing closes both. */
    private void pipe(Socket from, Socket to) {
        Thread.ofVirtual().name("redis-proxy-pipe").start(() -> {
            byte[] buffer = new byte[16 * 1024];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                int read;
                while ((read = in.read(buffer)) >= 0) {
                    out.write(buffer, 0, read);
                    out.flush();
                }
            } catch (IOException e) {
                // a side went away
            } finally {
                closeQuietly(from);
                closeQuietly(to);
            }
        });
    }

    private void closeQuietly(Socket socket) {
        sockets.remove(socket);
        try {
            socket.close();
        } catch (IOException e) {
            // closed already
        }
    }

    @Override
    public void close() throws IOException {
        cut();
    }
}
