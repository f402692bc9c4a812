package dev.jamiescarlet.embeddings;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.SocketImpl;
import java.util.List;

/** A socket that records where it was asked to connect and refuses, so no packet leaves. */
final class RefusingSocketImpl extends SocketImpl {
  private final List<String> attempts;

  RefusingSocketImpl(List<String> attempts) {
    this.attempts = attempts;
  }

  @Override
  protected void connect(SocketAddress address, int timeout) throws IOException {
    attempts.add(
        address instanceof InetSocketAddress a ? a.getHostString() + ":" + a.getPort() : "?");
    throw new ConnectException("refused by the telemetry probe: " + address);
  }

  @Override
  protected void connect(String host, int port) throws IOException {
    connect(new InetSocketAddress(host, port), 0);
  }

  @Override
  protected void connect(InetAddress address, int port) throws IOException {
    connect(new InetSocketAddress(address, port), 0);
  }

  @Override
  protected void create(boolean stream) {}

  @Override
  protected void bind(InetAddress host, int port) {}

  @Override
  protected void listen(int backlog) {}

  @Override
  protected void accept(SocketImpl s) throws IOException {
    throw new IOException("not a server socket");
  }

  @Override
  protected InputStream getInputStream() throws IOException {
    throw new IOException("not connected");
  }

  @Override
  protected OutputStream getOutputStream() throws IOException {
    throw new IOException("not connected");
  }

  @Override
  protected int available() {
    return 0;
  }

  @Override
  protected void close() {}

  @Override
  protected void sendUrgentData(int data) {}

  @Override
  public void setOption(int optID, Object value) {}

  @Override
  public Object getOption(int optID) {
    return null;
  }
}
