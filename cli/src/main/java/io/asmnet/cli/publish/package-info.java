/**
 * {@code asmnet publish} and its reusable core: {@link io.asmnet.cli.publish.FrameSources} opens a
 * {@link io.asmnet.cli.publish.FrameSource} (video file, image folder, camera, H.264 pass-through),
 * {@link io.asmnet.cli.publish.FramePublisher} sends its pictures as {@code Frame} records, {@link
 * io.asmnet.cli.publish.Pacer} paces them in real time.
 */
package io.asmnet.cli.publish;
