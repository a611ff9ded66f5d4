package dev.joule.bus.nats;

import dev.joule.bus.InboxMessage;
import dev.joule.bus.Reply;
import dev.joule.ocpp.Action;
import dev.joule.ocpp.json.Frame;
import dev.joule.ocpp.json.OcppJson;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * How inbox messages and replies travel as NATS payloads: length-prefixed UTF-8 fields, no JSON
 * around the OCPP JSON. A CALL's payload is written again by the codec from the validated record,
 * so a processor reads exactly what the gateway accepted.
 */
final class Wire {
  private final OcppJson codec;

  Wire(OcppJson codec) {
    this.codec = codec;
  }

  byte[] inbox(InboxMessage message) {
    return write(
        out -> {
          out.writeUTF(message.chargerId());
          out.writeUTF(message.gateway());
          out.writeLong(message.connectionEpoch());
          out.writeUTF(message.call().messageId());
          out.writeUTF(message.call().action().wire());
          // Every message type is a record (decision 0001); the interface cannot say so.
          writeLong(out, codec.writePayload((Record) message.call().payload()));
          out.writeLong(message.receivedAt().getEpochSecond());
          out.writeInt(message.receivedAt().getNano());
        });
  }

  InboxMessage inbox(byte[] data) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
      String chargerId = in.readUTF();
      String gateway = in.readUTF();
      long epoch = in.readLong();
      String messageId = in.readUTF();
      String wire = in.readUTF();
      Action action =
          Action.fromWire(wire)
              .orElseThrow(
                  () -> new UncheckedIOException(new IOException("unknown action " + wire)));
      String payload = readLong(in);
      Instant receivedAt = Instant.ofEpochSecond(in.readLong(), in.readInt());
      Frame.Call call = new Frame.Call(messageId, action, codec.readRequest(action, payload));
      return new InboxMessage(chargerId, gateway, epoch, call, receivedAt);
    } catch (IOException e) {
      throw new UncheckedIOException("malformed inbox message", e);
    }
  }

  /** Replies for one gateway, carried together: their count, then each one's fields. */
  byte[] replies(List<Reply> replies) {
    return write(
        out -> {
          out.writeInt(replies.size());
          for (Reply reply : replies) {
            out.writeUTF(reply.chargerId());
            out.writeLong(reply.connectionEpoch());
            out.writeUTF(reply.callId());
            writeLong(out, reply.frame());
          }
        });
  }

  List<Reply> replies(byte[] data) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
      int count = in.readInt();
      if (count < 0 || count > data.length) {
        throw new IOException("bad reply count " + count);
      }
      List<Reply> replies = new ArrayList<>(count);
      for (int i = 0; i < count; i++) {
        replies.add(new Reply(in.readUTF(), in.readLong(), in.readUTF(), readLong(in)));
      }
      return replies;
    } catch (IOException e) {
      throw new UncheckedIOException("malformed replies", e);
    }
  }

  /** About the bytes {@code reply} takes in {@link #replies(List)}. */
  static int size(Reply reply) {
    return 24
        + reply.chargerId().length() * 3
        + reply.callId().length() * 3
        + reply.frame().length() * 3;
  }

  /** writeUTF stops at 64 KiB; frames may be longer (max-frame-bytes up to 16 MiB). */
  private static void writeLong(DataOutputStream out, String text) throws IOException {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    out.writeInt(bytes.length);
    out.write(bytes);
  }

  private static String readLong(DataInputStream in) throws IOException {
    byte[] bytes = new byte[in.readInt()];
    in.readFully(bytes);
    return new String(bytes, StandardCharsets.UTF_8);
  }

  private interface Fields {
    void write(DataOutputStream out) throws IOException;
  }

  private static byte[] write(Fields fields) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      fields.write(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a ByteArrayOutputStream does not fail
    }
    return bytes.toByteArray();
  }
}
