/**
 * {@code asmnet bench}: the benchmarks (they print figures for docs/BENCHMARKS.md and assert
 * nothing). {@code e2e} builds its inputs from dlib's photos ({@link
 * io.asmnet.cli.bench.DlibPhotos}, {@link io.asmnet.cli.bench.Scenes}, {@link
 * io.asmnet.cli.bench.Workloads}), publishes them with the publish package's {@code FramePublisher}
 * and sorts what comes back with the replay package's {@code ReplayCollector}; {@code model} and
 * {@code detector} time the processor's parts alone.
 */
package io.asmnet.cli.bench;
