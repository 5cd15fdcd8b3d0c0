package io.asmnet.processor.infer;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The batch the {@link DynamicBatcher} is filling: its buffer, the callers in it and how many of
 * their slots are reserved and written. Guarded by the batcher's lock.
 */
final class Gathering {
  final BatchBuffer buffer;
  final List<Request> requests = new ArrayList<>();
  int reserved;
  int written;
  long firstNanos;

  Gathering(BatchBuffer buffer) {
    this.buffer = buffer;
  }

  /** Reserves the next {@code n} slots for one caller. */
  Request reserve(int n) {
    long now = System.nanoTime();
    if (requests.isEmpty()) {
      firstNanos = now;
    }
    Request r = new Request(reserved, n, now);
    reserved += n;
    requests.add(r);
    return r;
  }

  /** One caller's slots {@code [start, start + n)} and the result it waits for. */
  record Request(int start, int n, long arrivedNanos, CompletableFuture<BatchSlice> result) {
    Request(int start, int n, long arrivedNanos) {
      this(start, n, arrivedNanos, new CompletableFuture<>());
    }
  }
}
