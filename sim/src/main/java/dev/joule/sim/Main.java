package dev.joule.sim;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code joule-sim}: simulated OCPP 1.6J chargers that measure a central system's throughput. */
@Command(
    name = "joule-sim",
    mixinStandardHelpOptions = true,
    version = "joule-sim 0.1",
    sortOptions = false,
    description = {
      "Simulates OCPP 1.6J chargers against a central system and measures its throughput and"
          + " latency per action.",
      "Each charger boots, reports Available, then sends a mix of MeterValues (60%%),"
          + " StatusNotification (20%%), Heartbeat (15%%) and Start/StopTransaction (5%%) by"
          + " default (--mix) with one outstanding CALL at a time, and answers the central"
          + " system's commands (acting on UpdateFirmware, SignedUpdateFirmware, GetDiagnostics"
          + " and GetLog with their status notifications). The run has three phases: ramp (connecting), steady, and drain"
          + " (no new CALLs; outstanding ones are awaited up to --call-timeout). Progress goes to"
          + " stderr every second, the summary to stdout."
    })
public final class Main implements Callable<Integer> {
  @Option(
      names = "--url",
      defaultValue = "ws://127.0.0.1:8180/ocpp",
      description =
          "OCPP endpoint; /<prefix><n> is appended per charger (default: ${DEFAULT-VALUE})")
  URI url;

  @Option(
      names = "--chargers",
      defaultValue = "100",
      description = "number of chargers (default: ${DEFAULT-VALUE})")
  int chargers;

  @Option(
      names = "--first",
      defaultValue = "1",
      description =
          "number of the first charger, for several simulators on one server"
              + " (default: ${DEFAULT-VALUE})")
  int first;

  @Option(
      names = "--prefix",
      defaultValue = "CP-",
      description = "charger identity prefix (default: ${DEFAULT-VALUE})")
  String prefix;

  @Option(
      names = "--ramp",
      defaultValue = "10s",
      converter = Durations.class,
      description = "connections are spread evenly over this time (default: ${DEFAULT-VALUE})")
  Duration ramp;

  @Option(
      names = "--duration",
      defaultValue = "30s",
      converter = Durations.class,
      description = "steady phase after the ramp (default: ${DEFAULT-VALUE})")
  Duration duration;

  @Option(
      names = "--rate",
      defaultValue = "0",
      description =
          "target CALLs per second over all chargers once booted; 0 = as fast as one"
              + " outstanding CALL per charger allows (default: ${DEFAULT-VALUE})")
  double rate;

  @Option(
      names = "--call-timeout",
      defaultValue = "30s",
      converter = Durations.class,
      description = "a CALL unanswered this long counts as a timeout (default: ${DEFAULT-VALUE})")
  Duration callTimeout;

  @Option(
      names = "--event-loops",
      defaultValue = "1",
      description = "event loop threads the chargers are spread over (default: ${DEFAULT-VALUE})")
  int eventLoops;

  @Option(
      names = "--seed",
      defaultValue = "1",
      description = "seed of the traffic mix (default: ${DEFAULT-VALUE})")
  long seed;

  @Option(
      names = "--mix",
      defaultValue = "realistic",
      description =
          "what chargers send once booted: realistic, idle (nothing; they only answer), or"
              + " weights like MeterValues=60,StatusNotification=20,Heartbeat=15,Transaction=5"
              + " (default: ${DEFAULT-VALUE})")
  String mix;

  @Option(
      names = {"--auth-key", "--basic-auth-password"},
      defaultValue = "",
      description =
          "send HTTP Basic credentials: the charger identity and this AuthorizationKey"
              + " (security profiles 1 and 2); default: none")
  String basicAuthPassword;

  @Option(
      names = "--source-addresses",
      defaultValue = "auto",
      description =
          "local addresses to connect from, round robin: auto (127.0.0.2, 127.0.0.3, ... with"
              + " at most "
              + SourceAddresses.AUTO_PER_ADDRESS
              + " chargers each when the server is on loopback and there are more), none, a"
              + " range like 127.0.0.2-127.0.0.9, or a list (default: ${DEFAULT-VALUE})")
  String sourceAddresses;

  @Option(
      names = "--count-delayed-from",
      description =
          "count answers later than 1 s (delayed) only among those received from this ISO-8601"
              + " instant on, e.g. 2026-12-06T20:47:00.250Z (default: the whole run)")
  Instant countDelayedFrom;

  @Option(
      names = "--tls",
      description = "connect over TLS: a ws:// --url is taken as wss:// (security profiles 2, 3)")
  boolean tls;

  @Option(
      names = {"--tls-ca", "--ca-file"},
      description =
          "with wss://: trust the certificates in this PEM file (e.g. a test CA) instead of the"
              + " JDK's trust store")
  Path tlsCa;

  @Option(
      names = "--client-cert",
      description =
          "with wss://: present this PEM client certificate (security profile 3: its CN must be"
              + " the charger identity, so use it with --chargers 1); needs --client-key")
  Path clientCert;

  @Option(names = "--client-key", description = "the PEM (PKCS#8) key of --client-cert")
  Path clientKey;

  @Option(
      names = "--firmware-steps",
      defaultValue = "1s",
      converter = Durations.class,
      description =
          "time between the status notifications a charger sends for UpdateFirmware,"
              + " SignedUpdateFirmware, GetDiagnostics and GetLog (default: ${DEFAULT-VALUE})")
  Duration firmwareSteps;

  @Option(
      names = "--firmware-failures",
      defaultValue = "0",
      description =
          "share of those updates and uploads that fail (DownloadFailed or InstallationFailed,"
              + " UploadFailed), 0 to 1 (default: ${DEFAULT-VALUE})")
  double firmwareFailures;

  @Option(
      names = "--samples",
      defaultValue = "10",
      description =
          "sampled values per MeterValues, 1 to 10: energy register, power, then currents,"
              + " voltages, SoC, current offered (default: ${DEFAULT-VALUE}; 2 = energy and power)")
  int samples;

  @Option(names = "--out", description = "also write the summary as JSON to this file")
  Path out;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws InterruptedException, IOException {
    SimConfig config =
        new SimConfig(
            tls ? secure(url) : url,
            chargers,
            first,
            prefix,
            ramp,
            duration,
            rate,
            callTimeout,
            eventLoops,
            seed,
            Mix.parse(mix),
            basicAuthPassword,
            SourceAddresses.parse(sourceAddresses, chargers, url),
            countDelayedFrom == null ? Instant.EPOCH : countDelayedFrom,
            Optional.ofNullable(tlsCa),
            Optional.ofNullable(clientCert),
            Optional.ofNullable(clientKey),
            firmwareSteps,
            firmwareFailures,
            samples);
    Summary summary = new Simulation(config, Clock.systemUTC(), System.err).run();
    PrintWriter stdout = spec.commandLine().getOut();
    stdout.print(Report.text(summary));
    stdout.flush();
    if (out != null) {
      Files.writeString(out, Report.json(summary));
    }
    return summary.connections().opened() == 0 ? 1 : 0;
  }

  /** {@code url} with wss instead of ws; any other scheme is left for SimConfig to refuse. */
  static URI secure(URI url) {
    return "ws".equals(url.getScheme()) ? URI.create("wss" + url.toString().substring(2)) : url;
  }

  public static void main(String[] args) {
    CommandLine cli = new CommandLine(new Main());
    cli.setExecutionExceptionHandler(
        (e, line, parsed) -> {
          if (e instanceof IllegalArgumentException) {
            line.getErr().println("joule-sim: " + e.getMessage());
            return 2;
          }
          throw e;
        });
    cli.setErr(new PrintWriter(System.err, true));
    System.exit(cli.execute(args));
  }
}
