package dev.retort.boot.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Forwards a local port to a database server, so a test can take the database away from a
 * running service: {@link #close()} cuts every connection and closes the port, as a server
 * that went down or a network that broke would.
 */
public final class TcpProxy implements AutoCloseable {

    private final ServerSocket server;
    private final String targetHost;
    private final int targetPort;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();

    private TcpProxy(String targetHost, int targetPort) throws IOException {
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.targetHost = targetHost;
        this.targetPort = targetPort;
        Thread acceptor = new Thread(this::accept, "tcp-proxy-" + server.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** A proxy in front of the host and port of a JDBC URL ({@code jdbc:postgresql://host:port/...}). */
    public static TcpProxy inFrontOf(String jdbcUrl) {
        var matcher = java.util.regex.Pattern.compile("//([^/:?]+):(\\d+)/").matcher(jdbcUrl);
        if (!matcher.find()) {
            throw new IllegalArgumentException("no //host:port/ in the JDBC URL");
        }
        try {
            return new TcpProxy(matcher.group(1), Integer.parseInt(matcher.group(2)));
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** The JDBC URL with its host and port replaced by this proxy's. */
    public String route(String jdbcUrl) {
        return jdbcUrl.replaceFirst("//[^/:?]+:\\d+/", "//127.0.0.1:" + server.getLocalPort() + "/");
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Socket upstream = new Socket(targetHost, targetPort);
                sockets.add(client);
                sockets.add(upstream);
                pump(client, upstream);
                pump(upstream, client);
            }
            catch (IOException ex) {
                // The port was closed, or the server refused: the client sees its connection end.
            }
        }
    }

    private void pump(Socket from, Socket to) {
        Thread thread = new Thread(() -> {
            byte[] buffer = new byte[8192];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                int read;
                while ((read = in.read(buffer)) != -1) {
                    out.write(buffer, 0, read);
                    out.flush();
                }
            }
            catch (IOException ex) {
                // One side closed: closing both ends the connection for the other side too.
            }
            closeQuietly(from);
            closeQuietly(to);
        }, "tcp-proxy-pump");
        thread.setDaemon(true);
        thread.start();
    }

    /** Closes the port and cuts every connection through it. */
    @Override
    public void close() {
        closeQuietly(server);
        sockets.forEach(TcpProxy::closeQuietly);
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        }
        catch (Exception ex) {
            // Already closed.
        }
    }
}
