package dev.joule.supervision.instances;

import java.util.Collection;
import java.util.List;

/** One process with every role: the only instance is this one, and it supervises itself. */
final class LocalDirectory implements Directory {
  private volatile List<Heard> self = List.of();
  private final String id;

  LocalDirectory(String id) {
    this.id = id;
  }

  @Override
  public void publish(InstanceReport report) {
    self = List.of(new Heard(report, System.nanoTime()));
  }

  @Override
  public Collection<Heard> heard() {
    return self;
  }

  @Override
  public boolean lead() {
    return true;
  }

  @Override
  public String leader() {
    return id;
  }

  @Override
  public void close() {}
}
