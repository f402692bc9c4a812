package dev.jamiescarlet.bot.testing;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.util.Collections;
import java.util.Optional;

/** This machine's addresses, for tests that check what a server can be reached on. */
public final class Addresses {
  private Addresses() {}

  /** The first up, non-loopback IPv4 address of this machine, if it has one. */
  public static Optional<InetAddress> external() throws SocketException {
    for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
      if (!nic.isUp() || nic.isLoopback()) {
        continue;
      }
      for (InetAddress a : Collections.list(nic.getInetAddresses())) {
        if (a instanceof Inet4Address && !a.isLoopbackAddress()) {
          return Optional.of(a);
        }
      }
    }
    return Optional.empty();
  }

  /** Whether a TCP connection to {@code address:port} is accepted (within two seconds). */
  public static boolean accepts(InetAddress address, int port) {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress(address, port), 2000);
      return true;
    } catch (java.io.IOException e) {
      return false;
    }
  }
}
