package dev.joule.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.joule.ocpp.Response;
import dev.joule.ocpp.json.Frame;
import dev.joule.ocpp.json.OcppJson;
import dev.joule.ocpp.message.core.HeartbeatResponse;
import dev.joule.ocpp.message.core.MeterValuesResponse;
import dev.joule.ocpp.message.core.StatusNotificationResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The central system's codec path for one charger CALL: read the frame (parse, action lookup,
 * validation, records), then write the CALLRESULT that answers it. One thread: the score is frames
 * per second on one core.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class CodecBenchmark {
  private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");

  @Param({"Heartbeat", "StatusNotification", "MeterValues"})
  public String action;

  private static final JsonFactory JSON = new JsonFactory();

  private final OcppJson codec = OcppJson.forCentralSystem();
  private String text;
  private byte[] bytes;
  private Response response;

  @Setup
  public void setUp() {
    text = TypicalFrames.call(action);
    bytes = text.getBytes(StandardCharsets.UTF_8);
    response =
        switch (action) {
          case "Heartbeat" -> new HeartbeatResponse(NOW);
          case "StatusNotification" -> new StatusNotificationResponse();
          case "MeterValues" -> new MeterValuesResponse();
          default -> throw new IllegalArgumentException(action);
        };
    if (!(codec.read(text) instanceof Frame.Call)) {
      throw new IllegalStateException("typical frame is not valid: " + text);
    }
  }

  /** Text frame (Vert.x hands text frames over as String) to CALLRESULT text. */
  @Benchmark
  public String readAndAnswerText() {
    Frame.Call call = (Frame.Call) codec.read(text);
    return codec.writeResult(call.messageId(), response);
  }

  /** The same from UTF-8 bytes, as a frame arrives off the socket. */
  @Benchmark
  public String readAndAnswerBytes() {
    Frame.Call call = (Frame.Call) codec.read(bytes);
    return codec.writeResult(call.messageId(), response);
  }

  /**
   * Baseline: Jackson's tokenizer alone over the same frame, with every token's text read. The
   * codec cannot be faster than this; the gap to {@link #read()} is the cost of validation and
   * records.
   */
  @Benchmark
  public int tokenizeOnly() throws IOException {
    int tokens = 0;
    try (JsonParser p = JSON.createParser(text)) {
      JsonToken token;
      while ((token = p.nextToken()) != null) {
        if (token == JsonToken.VALUE_STRING || token == JsonToken.FIELD_NAME) {
          tokens += p.getTextLength();
        }
        tokens++;
      }
    }
    return tokens;
  }

  /** Decode and validate only. */
  @Benchmark
  public Frame read() {
    return codec.read(text);
  }
}
