/**
 * {@code asmnet consume}: pose events and dead letters as JSON lines ({@link
 * io.asmnet.cli.consume.TopicTail}), and rendering of events onto their frames ({@link
 * io.asmnet.cli.consume.FrameJoiner}, {@link io.asmnet.cli.consume.PoseOverlay}, {@link
 * io.asmnet.cli.consume.RenderSink}).
 */
package io.asmnet.cli.consume;
