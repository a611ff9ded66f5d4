package dev.joule.gateway;

import dev.joule.bus.Reply;
import io.vertx.core.Context;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Replies on their way from processor threads to the connections of one event loop. A processor
 * publishes a whole batch's replies in a row; instead of one event-loop task per reply, the first
 * reply schedules one task that delivers every reply queued by the time it runs.
 */
final class ReplyHandoff {
  /** Replies one task delivers at most before it lets the event loop do other work. */
  static final int MAX_PER_TASK = 256;

  private static final Logger log = LoggerFactory.getLogger(ReplyHandoff.class);

  private final Context context;
  private final Queue<Pending> queue = new ConcurrentLinkedQueue<>();
  private final AtomicBoolean scheduled = new AtomicBoolean();

  private record Pending(Consumer<Reply> target, Reply reply) {}

  ReplyHandoff(Context context) {
    this.context = context;
  }

  /** From any thread: hands {@code reply} to {@code target} on the event loop, in call order. */
  void deliver(Consumer<Reply> target, Reply reply) {
    queue.offer(new Pending(target, reply));
    schedule();
  }

  /**
   * A task scheduled while one is pending would be wasted: that one has not yet started to drain.
   * Once it has ({@code scheduled} false again), a reply queued during its drain schedules the next
   * task, so no reply is left waiting without one.
   */
  private void schedule() {
    if (!scheduled.get() && scheduled.compareAndSet(false, true)) {
      context.runOnContext(v -> drain());
    }
  }

  private void drain() {
    scheduled.set(false);
    Pending pending;
    for (int i = 0; i < MAX_PER_TASK && (pending = queue.poll()) != null; i++) {
      try {
        pending.target().accept(pending.reply());
      } catch (RuntimeException e) { // one connection's fault must not lose the others'
        log.error("{}: failed to deliver reply", pending.reply().chargerId(), e);
      }
    }
    if (!queue.isEmpty()) {
      schedule();
    }
  }
}
