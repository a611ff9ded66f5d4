package dev.joule.bench;

import dev.joule.security.KeyHash;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What checking a charger's AuthorizationKey costs at its handshake (security profiles 1 and 2):
 * one PBKDF2 derivation at {@link KeyHash#ITERATIONS}. The score is milliseconds of one core per
 * check, so a reconnect storm of n chargers costs about n times it.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class KeyHashBenchmark {
  private static final String KEY = "a-charger-key-of-32-characters!!";

  private String stored;

  @Setup
  public void setUp() {
    stored = KeyHash.hash(KEY);
  }

  @Benchmark
  public boolean check() {
    return KeyHash.matches(KEY, stored);
  }
}
