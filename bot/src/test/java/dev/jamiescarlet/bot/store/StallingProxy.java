package dev.jamiescarlet.bot.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A TCP proxy on loopback that forwards both ways until {@link #stall()}: from then on it accepts
 * connections and bytes but forwards nothing, like a MongoDB that hangs mid-request.
 */
public final class StallingProxy implements AutoCloseable {
  private final ServerSocket listener;
  private final InetSocketAddress upstream;
  private final AtomicBoolean stalled = new AtomicBoolean();
  private final List<Socket> sockets = new CopyOnWriteArrayList<>();

  /** Starts forwarding to {@code host:port}. */
  public StallingProxy(String host, int port) throws IOException {
    this.upstream = new InetSocketAddress(host, port);
    this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread.ofVirtual().name("stalling-proxy").start(this::accept);
  }

  /** The proxy's port on 127.0.0.1. */
  public int port() {
    return listener.getLocalPort();
  }

  /** From now on, bytes are read and dropped in both directions. */
  public void stall() {
    stalled.set(true);
  }

  private void accept() {
    while (!listener.isClosed()) {
      try {
        Socket client = listener.accept();
        Socket server = new Socket();
        server.connect(upstream, 5_000);
        sockets.add(client);
        sockets.add(server);
        Thread.ofVirtual().start(() -> pump(client, server));
        Thread.ofVirtual().start(() -> pump(server, client));
      } catch (IOException e) {
        // closed, or the upstream went away: the driver sees a closed or silent connection
      }
    }
  }

  private void pump(Socket from, Socket to) {
    byte[] buffer = new byte[16 * 1024];
    try (InputStream in = from.getInputStream()) {
      OutputStream out = to.getOutputStream();
      int n;
      while ((n = in.read(buffer)) >= 0) {
        if (!stalled.get()) {
          out.write(buffer, 0, n);
          out.flush();
        }
      }
    } catch (IOException e) {
      // one side closed; the other pump ends when its socket is closed
    } finally {
      closeQuietly(to);
    }
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException e) {
      // already closed
    }
  }

  @Override
  public void close() throws IOException {
    listener.close();
    sockets.forEach(StallingProxy::closeQuietly);
  }
}
