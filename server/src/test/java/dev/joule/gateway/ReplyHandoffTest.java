package dev.joule.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.joule.bus.Reply;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class ReplyHandoffTest {
  private final Vertx vertx = Vertx.vertx();
  private final Context context = vertx.getOrCreateContext();
  private final ReplyHandoff handoff = new ReplyHandoff(context);
  private final List<String> delivered = new CopyOnWriteArrayList<>();
  private final List<Boolean> onEventLoop = new CopyOnWriteArrayList<>();

  private final Consumer<Reply> target =
      reply -> {
        delivered.add(reply.callId());
        onEventLoop.add(Vertx.currentContext() == context);
      };

  @AfterEach
  void stop() {
    vertx.close().await();
  }

  private static Reply reply(int i) {
    return new Reply("CP-1", 1, "call-" + i, "[3,\"call-" + i + "\",{}]");
  }

  @Test
  void repliesQueuedWhileTheEventLoopIsBusyAllArriveInOrderOnIt() throws InterruptedException {
    CountDownLatch busy = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    context.runOnContext(
        v -> {
          busy.countDown();
          awaitQuietly(release);
        });
    busy.await();
    int count = 3 * ReplyHandoff.MAX_PER_TASK + 1; // more than one task delivers
    for (int i = 0; i < count; i++) {
      handoff.deliver(target, reply(i));
    }

    release.countDown();

    Await.until("every reply delivered", () -> delivered.size() == count);
    assertThat(delivered).first().isEqualTo("call-0");
    assertThat(delivered).last().isEqualTo("call-" + (count - 1));
    assertThat(delivered).doesNotHaveDuplicates().isSortedAccordingTo(ReplyHandoffTest::byNumber);
    assertThat(onEventLoop).containsOnly(true);
  }

  @Test
  void aFailingTargetDoesNotLoseTheRepliesQueuedBehindIt() {
    handoff.deliver(
        reply -> {
          throw new IllegalStateException("connection bug");
        },
        reply(0));
    handoff.deliver(target, reply(1));

    Await.until("the reply behind the failing one delivered", () -> delivered.size() == 1);
    assertThat(delivered).containsExactly("call-1");
  }

  @Test
  void aReplyAfterTheQueueRanEmptyIsStillDelivered() {
    handoff.deliver(target, reply(0));
    Await.until("first delivered", () -> delivered.size() == 1);

    handoff.deliver(target, reply(1));

    Await.until("second delivered", () -> delivered.size() == 2);
    assertThat(delivered).containsExactly("call-0", "call-1");
  }

  private static int byNumber(String a, String b) {
    return Integer.compare(
        Integer.parseInt(a.substring("call-".length())),
        Integer.parseInt(b.substring("call-".length())));
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
