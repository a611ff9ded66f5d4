package dev.joule.gateway;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A charger on a bare socket that speaks just enough RFC 6455 to be precise: it never answers a
 * ping unless told to, and sees every frame the gateway sends, close frames included.
 */
final class RawCharger implements AutoCloseable {
  static final int TEXT = 0x1;
  static final int BINARY = 0x2;
  static final int CLOSE = 0x8;
  static final int PING = 0x9;
  static final int PONG = 0xA;

  record Frame(int opcode, byte[] payload) {
    String text() {
      return new String(payload, StandardCharsets.UTF_8);
    }

    /** The status code of a close frame. */
    int closeCode() {
      return payload.length < 2 ? -1 : ((payload[0] & 0xff) << 8) | (payload[1] & 0xff);
    }
  }

  private final Socket socket;
  private final DataInputStream in;
  private final OutputStream out;
  private final int status;
  private final Map<String, String> headers;

  private RawCharger(Socket socket, int status, Map<String, String> headers) throws IOException {
    this.socket = socket;
    this.in = new DataInputStream(socket.getInputStream());
    this.out = socket.getOutputStream();
    this.status = status;
    this.headers = headers;
  }

  /** Sends the upgrade request; {@code subprotocols} may be null for no header. */
  static RawCharger connect(int port, String path, String subprotocols) {
    try {
      Socket socket = new Socket("localhost", port);
      socket.setSoTimeout((int) Await.DEADLINE.toMillis());
      StringBuilder request = new StringBuilder();
      request.append("GET ").append(path).append(" HTTP/1.1\r\n");
      request.append("Host: localhost:").append(port).append("\r\n");
      request.append("Upgrade: websocket\r\nConnection: Upgrade\r\n");
      request.append("Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n");
      request.append("Sec-WebSocket-Version: 13\r\n");
      if (subprotocols != null) {
        request.append("Sec-WebSocket-Protocol: ").append(subprotocols).append("\r\n");
      }
      request.append("\r\n");
      socket.getOutputStream().write(request.toString().getBytes(StandardCharsets.US_ASCII));
      DataInputStream in = new DataInputStream(socket.getInputStream());
      String statusLine = readLine(in);
      Map<String, String> headers = new HashMap<>();
      for (String line = readLine(in); !line.isEmpty(); line = readLine(in)) {
        int colon = line.indexOf(':');
        headers.put(
            line.substring(0, colon).trim().toLowerCase(Locale.ROOT),
            line.substring(colon + 1).trim());
      }
      return new RawCharger(socket, Integer.parseInt(statusLine.split(" ")[1]), headers);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  int status() {
    return status;
  }

  Optional<String> header(String name) {
    return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
  }

  void sendText(String text) {
    send(TEXT, true, text.getBytes(StandardCharsets.UTF_8));
  }

  /** One frame, masked as a client must. */
  void send(int opcode, boolean fin, byte[] payload) {
    try {
      ByteArrayOutputStream frame = new ByteArrayOutputStream(payload.length + 14);
      frame.write((fin ? 0x80 : 0) | opcode);
      if (payload.length < 126) {
        frame.write(0x80 | payload.length);
      } else if (payload.length < 65536) {
        frame.write(0x80 | 126);
        frame.write(payload.length >>> 8);
        frame.write(payload.length & 0xff);
      } else {
        frame.write(0x80 | 127);
        for (int shift = 56; shift >= 0; shift -= 8) {
          frame.write((int) ((long) payload.length >>> shift) & 0xff);
        }
      }
      byte[] mask = {0x11, 0x22, 0x33, 0x44};
      frame.write(mask);
      for (int i = 0; i < payload.length; i++) {
        frame.write(payload[i] ^ mask[i % 4]);
      }
      out.write(frame.toByteArray());
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The next frame from the gateway; empty when the gateway closed the TCP connection. */
  Optional<Frame> read() {
    try {
      int first = in.read();
      if (first < 0) {
        return Optional.empty();
      }
      int second = in.readUnsignedByte();
      long length = second & 0x7f;
      if (length == 126) {
        length = in.readUnsignedShort();
      } else if (length == 127) {
        length = in.readLong();
      }
      byte[] payload = new byte[(int) length];
      in.readFully(payload);
      return Optional.of(new Frame(first & 0x0f, payload));
    } catch (EOFException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads past pings (unanswered) to the next frame of another kind. */
  Optional<Frame> readSkippingPings() {
    Optional<Frame> frame;
    do {
      frame = read();
    } while (frame.isPresent() && frame.get().opcode() == PING);
    return frame;
  }

  @Override
  public void close() {
    try {
      socket.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String readLine(DataInputStream in) throws IOException {
    StringBuilder line = new StringBuilder();
    int c;
    while ((c = in.read()) >= 0 && c != '\n') {
      if (c != '\r') {
        line.append((char) c);
      }
    }
    return line.toString();
  }
}
