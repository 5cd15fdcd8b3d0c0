# The asmnet processor as a container: a Maven build stage, then a JRE image that runs
# `io.asmnet.processor.cli.ProcessorCommand run` (or `topics`, which creates the topics and
# exits). Works with BuildKit and with the legacy builder (no cache mounts). Build from the
# repository root:
#   docker build -f docker/processor.Dockerfile -t asmnet/processor:dev .
# CUDA variant (ONNX Runtime GPU needs CUDA 12 and cuDNN 9 in the image; the JRE is added by apt):
#   docker build -f docker/processor.Dockerfile \
#     --build-arg RUNTIME_IMAGE=nvidia/cuda:12.8.1-cudnn-runtime-ubuntu24.04 -t asmnet/processor:dev-cuda .
# Settings come from ASMNET_* environment variables (ASMNET_MODEL_PATH sets model.path, ...).
# DockerContextIT builds exactly what this file copies with its own Maven command, offline, and
# runs the entry point with each compose service's arguments: keep the COPY and RUN lines simple.

ARG BUILD_IMAGE=maven:3.9-eclipse-temurin-17
ARG RUNTIME_IMAGE=eclipse-temurin:17-jre-jammy

FROM ${BUILD_IMAGE} AS build
WORKDIR /src
COPY pom.xml ./
COPY schemas schemas
# Every module's pom: Maven reads them all, even for -pl processor.
COPY trainer/pom.xml trainer/pom.xml
COPY cli/pom.xml cli/pom.xml
# The test kit and the local broker it is built on: the processor's tests need them (test scope),
# so -am builds them; their jars stay in this stage (the runtime copy below is runtime scope only).
COPY local-kafka local-kafka
COPY testkit testkit
COPY processor processor
# The BlazeFace detectors are bundled into the processor jar from here (processor/pom.xml).
COPY models/blazeface models/blazeface
# One reactor run: package the processor (and the schemas it needs) without tests (they need
# photos, a broker and tools the image lacks), then copy its runtime dependencies next to it.
RUN mvn -B -q -pl processor -am -DskipTests package dependency:copy-dependencies -DincludeScope=runtime \
 && cp processor/target/asmnet-processor-*.jar processor/target/dependency/

FROM ${RUNTIME_IMAGE}
# The CUDA base images have no Java: add a headless JRE there; the Temurin image has one.
RUN if ! command -v java >/dev/null 2>&1; then \
      apt-get update && apt-get install -y --no-install-recommends openjdk-17-jre-headless \
      && rm -rf /var/lib/apt/lists/*; \
    fi \
 && useradd --system --uid 10001 --home-dir /app --shell /usr/sbin/nologin asmnet \
 && mkdir -p /app/lib /app/.javacpp /models /var/lib/asmnet/state \
 && chown asmnet /app /app/.javacpp /var/lib/asmnet/state
WORKDIR /app
COPY --from=build /src/processor/target/dependency/ /app/lib/

# Listen for scrapes on every interface: the container's network is the boundary.
# Memory (as ./asmnet run): a 1 GiB heap that G1 gives back when idle; the rest of the container's
# memory is for ONNX Runtime, OpenCV and FFmpeg (native), with glibc malloc returning freed frames.
ENV ASMNET_BOOTSTRAP_SERVERS=kafka:9092 \
    ASMNET_METRICS_BIND=0.0.0.0 \
    ASMNET_METRICS_PORT=9464 \
    ASMNET_MODEL_PATH=/models/asmnet-starter.onnx \
    ASMNET_STATE_DIR=/var/lib/asmnet/state \
    JAVA_TOOL_OPTIONS="-Xms64m -Xmx1g -XX:+UseG1GC -XX:G1PeriodicGCInterval=15000 -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=30 -Dorg.bytedeco.javacpp.maxPhysicalBytes=0 -Dorg.bytedeco.javacpp.cachedir=/app/.javacpp" \
    MALLOC_ARENA_MAX=2 \
    MALLOC_MMAP_THRESHOLD_=1048576 \
    MALLOC_TRIM_THRESHOLD_=4194304
USER asmnet
# Kafka Streams state: each instance claims its own instance-N folder here (a volume in compose).
VOLUME /var/lib/asmnet/state
EXPOSE 9464
ENTRYPOINT ["java", "-cp", "/app/lib/*", "io.asmnet.processor.cli.ProcessorCommand"]
CMD ["run"]
