package io.asmnet.processor.bench;

import static org.bytedeco.opencv.global.opencv_core.CV_64F;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_core.addWeighted;
import static org.bytedeco.opencv.global.opencv_core.randu;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imencode;

import io.asmnet.localkafka.BrokerOptions;
import io.asmnet.localkafka.LocalKafkaBroker;
import io.asmnet.processor.cli.ProcessorCommand;
import io.asmnet.processor.decode.SyntheticClips;
import io.asmnet.processor.deploy.ProcessorMemory;
import io.asmnet.processor.infer.TestModels;
import io.asmnet.processor.topology.TestFrames;
import io.asmnet.schemas.avro.Codec;
import io.asmnet.schemas.avro.Frame;
import io.asmnet.schemas.serde.WireSerdes;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;

/**
 * Resident memory of {@code processor run} (its own JVM, production stages, a local broker) during
 * and after a flood of 8K (7680x4320) JPEG frames: once with the memory settings {@code ./asmnet
 * run} and the image pass now ({@link ProcessorMemory#JVM_FLAGS}, {@link
 * ProcessorMemory#MALLOC_ENV}), once with the earlier ones (serial GC, default heap, Streams' 1000
 * buffered records per partition, glibc defaults). Prints figures; not a test. Arguments: [frames
 * (40)] [idle seconds after the flood (45)].
 */
public final class MemoryAfterFloodBenchmark {
  private static final int WIDTH = 7680;
  private static final int HEIGHT = 4320;

  private record Mode(
      String name, List<String> jvm, Map<String, String> env, String bufferedRecords) {}

  private record Figures(
      String mode, long readyMiB, long peakMiB, long doneMiB, long idleMiB, long seconds) {}

  private MemoryAfterFloodBenchmark() {}

  public static void main(String[] args) throws Exception {
    int frames = args.length > 0 ? Integer.parseInt(args[0]) : 40;
    int idleSeconds = args.length > 1 ? Integer.parseInt(args[1]) : 45;
    byte[] jpeg = eightK();
    if (jpeg.length > 7 * 1024 * 1024) {
      throw new IllegalStateException(
          "the frame must decode (below decode.max.payload.bytes): " + jpeg.length + " bytes");
    }
    List<Mode> modes =
        List.of(
            new Mode(
                "before (serial GC, default heap, 1000 buffered, glibc defaults)",
                List.of("-XX:+UseSerialGC"),
                Map.of(),
                "1000"),
            new Mode(
                "now (launcher and image settings)",
                ProcessorMemory.JVM_FLAGS,
                ProcessorMemory.MALLOC_ENV,
                null));
    List<Figures> results = new ArrayList<>();
    try (LocalKafkaBroker broker = LocalKafkaBroker.start(BrokerOptions.defaults())) {
      for (Mode mode : modes) {
        results.add(run(mode, broker.bootstrapServers(), jpeg, frames, idleSeconds));
      }
    }
    System.out.printf(
        "%d frames of %dx%d JPEG (%d KiB each), published at once; idle %d s after; %d cores, load %s%n",
        frames,
        WIDTH,
        HEIGHT,
        jpeg.length / 1024,
        idleSeconds,
        Runtime.getRuntime().availableProcessors(),
        Files.readString(Path.of("/proc/loadavg")).trim());
    System.out.println(
        "| settings | RSS ready MiB | RSS peak MiB | RSS at last event MiB | RSS after idle MiB | flood s |");
    System.out.println("|---|---|---|---|---|---|");
    for (Figures f : results) {
      System.out.printf(
          "| %s | %d | %d | %d | %d | %d |%n",
          f.mode(), f.readyMiB(), f.peakMiB(), f.doneMiB(), f.idleMiB(), f.seconds());
    }
  }

  /**
   * The synthetic pattern with noise over its top eighth: a JPEG of a few MiB, as a real 8K
   * picture.
   */
  private static byte[] eightK() {
    try (Mat picture = SyntheticClips.pattern(WIDTH, HEIGHT, 0);
        Mat top = picture.apply(new Rect(0, 0, WIDTH, HEIGHT / 8));
        Mat noise = new Mat(HEIGHT / 8, WIDTH, CV_8UC3);
        BytePointer out = new BytePointer()) {
      randu(noise, new Mat(1, 1, CV_64F, new Scalar(0)), new Mat(1, 1, CV_64F, new Scalar(255)));
      addWeighted(top, 0.5, noise, 0.5, 0, top);
      imencode(".jpg", picture, out);
      byte[] bytes = new byte[(int) out.limit()];
      out.get(bytes);
      return bytes;
    }
  }

  private static Figures run(Mode mode, String bootstrap, byte[] jpeg, int frames, int idleSeconds)
      throws Exception {
    String id = UUID.randomUUID().toString().substring(0, 8);
    Path state = Files.createTempDirectory("flood-state");
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    // A few-MiB frame is above the broker's default 1 MB record limit: the frames topic allows 16
    // MiB.
    try (Admin admin =
        Admin.create(
            Map.<String, Object>of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
      admin
          .createTopics(
              List.of(
                  new NewTopic("frames-" + id, 1, (short) 1)
                      .configs(Map.of("max.message.bytes", String.valueOf(16 * 1024 * 1024)))))
          .all()
          .get();
    }
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(mode.jvm());
    command.addAll(
        List.of(
            "-cp", System.getProperty("java.class.path"), ProcessorCommand.class.getName(), "run"));
    Map<String, String> sets =
        new java.util.TreeMap<>(
            Map.of(
                "bootstrap.servers",
                bootstrap,
                "application.id",
                "flood-" + id,
                "topic.frames",
                "frames-" + id,
                "topic.pose.events",
                "events-" + id,
                "topic.dead.letters",
                "dlq-" + id,
                "topics.create",
                "true",
                "inference.device",
                "cpu",
                "model.path",
                TestModels.find().orElseThrow().toAbsolutePath().toString(),
                "metrics.port",
                String.valueOf(port),
                "state.dir",
                state.toString()));
    if (mode.bufferedRecords() != null) {
      sets.put("buffered.records.per.partition", mode.bufferedRecords());
    }
    sets.forEach((k, v) -> command.addAll(List.of("--set", k + "=" + v)));
    ProcessBuilder pb =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(state.resolve("processor.log").toFile());
    List.of("MALLOC_ARENA_MAX", "MALLOC_MMAP_THRESHOLD_", "MALLOC_TRIM_THRESHOLD_")
        .forEach(pb.environment()::remove);
    pb.environment().putAll(mode.env());
    Process process = pb.start();
    String pid = String.valueOf(process.pid());
    try {
      awaitReady(port, process);
      long ready = rssKb(pid);
      long peak = ready;
      long start = System.nanoTime();
      publish(bootstrap, "frames-" + id, jpeg, frames);
      try (KafkaConsumer<byte[], byte[]> consumer =
          consumer(bootstrap, List.of("events-" + id, "dlq-" + id))) {
        int seen = 0;
        while (seen < frames) {
          if (!process.isAlive()) {
            throw new IllegalStateException(
                "processor exited with " + process.exitValue() + "; log: " + state);
          }
          seen += consumer.poll(Duration.ofMillis(200)).count();
          peak = Math.max(peak, rssKb(pid));
        }
      }
      long seconds = (System.nanoTime() - start) / 1_000_000_000L;
      long done = rssKb(pid);
      for (int s = 0; s < idleSeconds; s++) {
        Thread.sleep(1000);
        peak = Math.max(peak, rssKb(pid));
      }
      long idle = rssKb(pid);
      return new Figures(mode.name(), ready / 1024, peak / 1024, done / 1024, idle / 1024, seconds);
    } finally {
      process.destroy();
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    }
  }

  private static void awaitReady(int port, Process process) throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    while (true) {
      if (!process.isAlive()) {
        throw new IllegalStateException("processor exited with " + process.exitValue());
      }
      try {
        HttpResponse<Void> r =
            http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health/ready"))
                    .build(),
                HttpResponse.BodyHandlers.discarding());
        if (r.statusCode() == 200) {
          return;
        }
      } catch (java.io.IOException e) {
        // not listening yet
      }
      Thread.sleep(200);
    }
  }

  private static void publish(String bootstrap, String topic, byte[] jpeg, int frames)
      throws Exception {
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 16 * 1024 * 1024);
    List<Future<RecordMetadata>> sent = new ArrayList<>();
    try (KafkaProducer<byte[], byte[]> producer =
        new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer())) {
      for (int i = 0; i < frames; i++) {
        String camera = "cam-" + (i % 4);
        Frame frame = TestFrames.frame(camera, i / 4, Codec.JPEG, jpeg);
        frame.setPayload(ByteBuffer.wrap(jpeg));
        sent.add(
            producer.send(
                new ProducerRecord<>(
                    topic,
                    camera.getBytes(),
                    WireSerdes.frame().serializer().serialize(topic, frame))));
      }
      for (Future<RecordMetadata> f : sent) {
        f.get(); // a refused record would leave the benchmark waiting for an event forever
      }
    }
  }

  private static KafkaConsumer<byte[], byte[]> consumer(String bootstrap, List<String> topics) {
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(ConsumerConfig.GROUP_ID_CONFIG, "flood-reader-" + UUID.randomUUID());
    p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    consumer.subscribe(topics);
    return consumer;
  }

  /**
   * VmRSS of {@code /proc/<pid>/status} in KiB, 0 when unreadable (not Linux, or the process is
   * gone).
   */
  private static long rssKb(String pid) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc", pid, "status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", ""));
        }
      }
    } catch (java.io.IOException | RuntimeException e) {
      return 0;
    }
    return 0;
  }
}
