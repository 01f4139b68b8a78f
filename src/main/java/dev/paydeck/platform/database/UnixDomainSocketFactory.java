package dev.paydeck.platform.database;

import javax.net.SocketFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;

/**
 * Connects the PostgreSQL driver to the embedded server's Unix-domain socket instead of its TCP port (the driver's
 * {@code socketFactory}, with the socket's path as {@code socketFactoryArg}). On one machine this skips the TCP
 * stack on both sides of every statement: the driver and the server spent a fifth of their CPU sending and
 * receiving over loopback TCP under load.
 * <p>
 * The channel is the JDK's own, so a virtual thread waiting for the server parks instead of holding its carrier.
 * TCP options and read timeouts do not apply to it and are accepted and ignored: the driver sets them, and uses a
 * timeout only to poll for notifications and around {@code COPY}, which Paydeck does not use. A server that stops
 * closes the socket, which ends a waiting read.
 */
public final class UnixDomainSocketFactory extends SocketFactory {

    private final Path path;

    /** Called by the driver with its {@code socketFactoryArg}: the path of the server's socket file. */
    public UnixDomainSocketFactory(String path) {
        this.path = Path.of(path);
    }

    @Override
    public Socket createSocket() {
        return new ChannelSocket(path);
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        return connected();
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        return connected();
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        return connected();
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
            throws IOException {
        return connected();
    }

    private Socket connected() throws IOException {
        Socket socket = createSocket();
        socket.connect(null);
        return socket;
    }

    /** A {@link Socket} over a Unix-domain {@link SocketChannel}; the address it is asked to connect to is ignored. */
    private static final class ChannelSocket extends Socket {
        private final Path path;
        private volatile SocketChannel channel;
        private volatile boolean closed;
        private int timeout;
        private int sendBufferSize = 65_536;
        private int receiveBufferSize = 65_536;

        ChannelSocket(Path path) {
            this.path = path;
        }

        @Override
        public void connect(SocketAddress ignored) throws IOException {
            connect(ignored, 0);
        }

        @Override
        public void connect(SocketAddress ignored, int connectTimeout) throws IOException {
            if (closed) {
                throw new IOException("Socket is closed");
            }
            channel = SocketChannel.open(UnixDomainSocketAddress.of(path));
        }

        @Override
        public void bind(SocketAddress ignored) {
        }

        @Override
        public boolean isConnected() {
            return channel != null && channel.isConnected();
        }

        @Override
        public boolean isBound() {
            return isConnected();
        }

        @Override
        public boolean isClosed() {
            return closed;
        }

        @Override
        public InputStream getInputStream() throws IOException {
            return Channels.newInputStream(open());
        }

        @Override
        public OutputStream getOutputStream() throws IOException {
            return Channels.newOutputStream(open());
        }

        private SocketChannel open() throws IOException {
            if (closed || channel == null) {
                throw new IOException("Socket is not connected");
            }
            return channel;
        }

        @Override
        public synchronized void close() throws IOException {
            closed = true;
            if (channel != null) {
                channel.close();
            }
        }

        @Override
        public void shutdownInput() throws IOException {
            open().shutdownInput();
        }

        @Override
        public void shutdownOutput() throws IOException {
            open().shutdownOutput();
        }

        @Override
        public void setSoTimeout(int timeout) {
            this.timeout = timeout;
        }

        @Override
        public int getSoTimeout() {
            return timeout;
        }

        @Override
        public void setTcpNoDelay(boolean on) {
        }

        @Override
        public boolean getTcpNoDelay() {
            return true;
        }

        @Override
        public void setKeepAlive(boolean on) {
        }

        @Override
        public boolean getKeepAlive() {
            return false;
        }

        @Override
        public void setSendBufferSize(int size) {
            sendBufferSize = size;
        }

        @Override
        public int getSendBufferSize() {
            return sendBufferSize;
        }

        @Override
        public void setReceiveBufferSize(int size) {
            receiveBufferSize = size;
        }

        @Override
        public int getReceiveBufferSize() {
            return receiveBufferSize;
        }

        @Override
        public String toString() {
            return "ChannelSocket[" + path + "]";
        }
    }
}
