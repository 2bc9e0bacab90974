package dev.atpj.server.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class KeySequencerTest {
  private final KeySequencer sequencer = new KeySequencer();

  @Test
  void tasksOfOneKeyRunOneAfterAnother() {
    List<String> started = new ArrayList<>();
    CompletableFuture<String> firstWork = new CompletableFuture<>();
    CompletableFuture<String> first =
        sequencer.run(
            "k",
            Runnable::run,
            () -> {
              started.add("first");
              return firstWork;
            });
    CompletableFuture<String> second =
        sequencer.run(
            "k",
            Runnable::run,
            () -> {
              started.add("second");
              return CompletableFuture.completedFuture("2");
            });
    CompletableFuture<String> other =
        sequencer.run(
            "other",
            Runnable::run,
            () -> {
              started.add("other");
              return CompletableFuture.completedFuture("o");
            });
    assertThat(started).containsExactly("first", "other");
    assertThat(second).isNotDone();
    firstWork.complete("1");
    assertThat(started).containsExactly("first", "other", "second");
    assertThat(first).isCompletedWithValue("1");
    assertThat(second).isCompletedWithValue("2");
    assertThat(other).isCompletedWithValue("o");
    assertThat(sequencer.inFlight()).isZero();
  }

  @Test
  void aFailingTaskDoesNotBlockTheNext() {
    CompletableFuture<String> failed =
        sequencer.run(
            "k",
            Runnable::run,
            () -> {
              throw new IllegalStateException("boom");
            });
    CompletableFuture<String> next =
        sequencer.run("k", Runnable::run, () -> CompletableFuture.completedFuture("ok"));
    assertThat(failed).isCompletedExceptionally();
    assertThat(next).isCompletedWithValue("ok");
    assertThat(sequencer.inFlight()).isZero();
  }
}
