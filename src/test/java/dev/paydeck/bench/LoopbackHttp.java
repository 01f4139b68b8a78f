package dev.paydeck.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * A minimal HTTP/1.1 client for the load phases: keep-alive connections to one loopback server, pooled, each used by
 * one call at a time over a blocking socket (virtual threads). The JDK's {@code HttpClient} spent about half a core
 * of this 2-core machine sending 1,000 webhooks per second, which the measured server then did not have; this one
 * writes the request's bytes and reads the status line, the headers and the body (by {@code Content-Length} or
 * chunked), nothing else. Setting up the benchmark (sign-up, tokens) still uses {@code HttpClient}.
 */
final class LoopbackHttp {

    record Response(int status, String body) {
    }

    private final InetSocketAddress address;
    private final String host;
    private final ConcurrentLinkedQueue<Connection> idle = new ConcurrentLinkedQueue<>();

    LoopbackHttp(String base) {
        URI uri = URI.create(base);
        try {
            InetAddress ip = InetAddress.getByName(uri.getHost());
            if (!ip.isLoopbackAddress()) {
                throw new IllegalArgumentException("Not a loopback address: " + uri.getHost());
            }
            this.address = new InetSocketAddress(ip, uri.getPort() < 0 ? 80 : uri.getPort());
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException("Unknown host " + uri.getHost(), e);
        }
        this.host = uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
    }

    /** POSTs a UTF-8 body; the connection goes back to the pool unless the server closes it. */
    Response post(String path, Map<String, String> headers, String body) throws IOException {
        byte[] content = body.getBytes(StandardCharsets.UTF_8);
        StringBuilder head = new StringBuilder(256).append("POST ").append(path).append(" HTTP/1.1\r\nHost: ")
                .append(host).append("\r\nContent-Length: ").append(content.length).append("\r\n");
        headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        byte[] request = head.append("\r\n").toString().getBytes(StandardCharsets.UTF_8);
        Connection connection = idle.poll();
        boolean reused = connection != null;
        if (connection == null) {
            connection = new Connection(address);
        }
        try {
            Response response = connection.exchange(request, content);
            if (connection.open) {
                idle.add(connection);
            } else {
                connection.close();
            }
            return response;
        } catch (IOException e) {
            connection.close();
            if (reused) {
                // The server may have closed an idle connection: once more, on a new one.
                return post(path, headers, body);
            }
            throw e;
        }
    }

    private static final class Connection {
        private final Socket socket;
        private final OutputStream out;
        private final InputStream in;
        private boolean open = true;

        Connection(InetSocketAddress address) throws IOException {
            socket = new Socket();
            socket.setTcpNoDelay(true);
            socket.connect(address, 5_000);
            socket.setSoTimeout(30_000);
            out = socket.getOutputStream();
            in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
        }

        Response exchange(byte[] head, byte[] content) throws IOException {
            out.write(head);
            out.write(content);
            out.flush();
            String statusLine = line();
            if (!statusLine.startsWith("HTTP/1.1 ")) {
                throw new IOException("Not an HTTP/1.1 response: " + statusLine);
            }
            int status = Integer.parseInt(statusLine.substring(9, 12));
            long length = -1;
            boolean chunked = false;
            for (String header = line(); !header.isEmpty(); header = line()) {
                int colon = header.indexOf(':');
                String name = header.substring(0, colon).trim().toLowerCase(Locale.ROOT);
                String value = header.substring(colon + 1).trim();
                switch (name) {
                    case "content-length" -> length = Long.parseLong(value);
                    case "transfer-encoding" -> chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
                    case "connection" -> open &= !value.equalsIgnoreCase("close");
                    default -> {
                    }
                }
            }
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            if (chunked) {
                for (long size = Long.parseLong(chunkSize(line()), 16); size > 0;
                        size = Long.parseLong(chunkSize(line()), 16)) {
                    copy(size, body);
                    line();
                }
                while (!line().isEmpty()) {
                    // trailers
                }
            } else if (length >= 0) {
                copy(length, body);
            } else {
                open = false;
                in.transferTo(body);
            }
            return new Response(status, body.toString(StandardCharsets.UTF_8));
        }

        private static String chunkSize(String line) {
            int extension = line.indexOf(';');
            return (extension < 0 ? line : line.substring(0, extension)).trim();
        }

        private void copy(long length, ByteArrayOutputStream body) throws IOException {
            byte[] buffer = in.readNBytes((int) length);
            if (buffer.length != length) {
                throw new IOException("Connection closed in the middle of a response");
            }
            body.write(buffer);
        }

        /** One header line, without its CRLF. */
        private String line() throws IOException {
            StringBuilder line = new StringBuilder(64);
            for (int c = in.read(); c != '\n'; c = in.read()) {
                if (c < 0) {
                    throw new IOException("Connection closed by the server");
                }
                if (c != '\r') {
                    line.append((char) c);
                }
            }
            return line.toString();
        }

        void close() {
            open = false;
            try {
                socket.close();
            } catch (IOException ignored) {
                // already closed
            }
        }
    }
}
