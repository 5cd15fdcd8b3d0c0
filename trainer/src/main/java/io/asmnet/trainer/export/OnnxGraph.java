package io.asmnet.trainer.export;

import com.google.protobuf.ByteString;
import io.asmnet.trainer.export.onnx.OnnxProto.AttributeProto;
import io.asmnet.trainer.export.onnx.OnnxProto.GraphProto;
import io.asmnet.trainer.export.onnx.OnnxProto.NodeProto;
import io.asmnet.trainer.export.onnx.OnnxProto.TensorProto;
import io.asmnet.trainer.export.onnx.OnnxProto.TensorShapeProto;
import io.asmnet.trainer.export.onnx.OnnxProto.TypeProto;
import io.asmnet.trainer.export.onnx.OnnxProto.ValueInfoProto;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.List;

/**
 * Appends nodes, constant tensors and typed inputs/outputs to an ONNX graph, naming intermediate
 * values uniquely. Dimensions given as {@code -1} become the symbolic batch dimension {@link
 * #BATCH}.
 */
final class OnnxGraph {
  static final String BATCH = "N";

  private final GraphProto.Builder graph = GraphProto.newBuilder();
  private final java.util.Set<String> shared = new java.util.HashSet<>();
  private int counter;

  OnnxGraph(String name) {
    graph.setName(name);
  }

  /** A float constant (weights, scalars) stored little-endian in raw_data. */
  String floats(String name, float[] data, long... dims) {
    checkSize(data.length, dims);
    ByteBuffer bytes = ByteBuffer.allocate(4 * data.length).order(ByteOrder.LITTLE_ENDIAN);
    bytes.asFloatBuffer().put(data);
    return constant(name, TensorProto.DataType.FLOAT, ByteString.copyFrom(bytes.array()), dims);
  }

  /** A float scalar constant that many nodes use: written on first use only. */
  String shared(String name, float value) {
    return shared.add(name) ? floats(name, new float[] {value}) : name;
  }

  /** An int64 constant (shapes, indices). */
  String longs(String name, long[] data, long... dims) {
    checkSize(data.length, dims);
    ByteBuffer bytes = ByteBuffer.allocate(8 * data.length).order(ByteOrder.LITTLE_ENDIAN);
    bytes.asLongBuffer().put(data);
    return constant(name, TensorProto.DataType.INT64, ByteString.copyFrom(bytes.array()), dims);
  }

  /** Adds a node with one output and returns that output's name. */
  String node(String opType, List<String> inputs, AttributeProto... attributes) {
    String output = opType.toLowerCase() + "_" + counter++;
    nodeTo(output, opType, inputs, attributes);
    return output;
  }

  /** Adds a node that writes a named graph output. */
  void nodeTo(String output, String opType, List<String> inputs, AttributeProto... attributes) {
    graph.addNode(
        NodeProto.newBuilder()
            .setOpType(opType)
            .setName(output)
            .addAllInput(inputs)
            .addOutput(output)
            .addAllAttribute(Arrays.asList(attributes)));
  }

  void input(String name, TensorProto.DataType type, long... dims) {
    graph.addInput(valueInfo(name, type, dims));
  }

  void output(String name, TensorProto.DataType type, long... dims) {
    graph.addOutput(valueInfo(name, type, dims));
  }

  /** A graph output whose shape the graph does not state (ONNX Runtime infers it). */
  void outputOfAnyShape(String name, TensorProto.DataType type) {
    TypeProto.Tensor tensor = TypeProto.Tensor.newBuilder().setElemType(type.getNumber()).build();
    graph.addOutput(
        ValueInfoProto.newBuilder()
            .setName(name)
            .setType(TypeProto.newBuilder().setTensorType(tensor)));
  }

  GraphProto build() {
    return graph.build();
  }

  static AttributeProto attr(String name, long value) {
    return AttributeProto.newBuilder()
        .setName(name)
        .setType(AttributeProto.AttributeType.INT)
        .setI(value)
        .build();
  }

  static AttributeProto attr(String name, float value) {
    return AttributeProto.newBuilder()
        .setName(name)
        .setType(AttributeProto.AttributeType.FLOAT)
        .setF(value)
        .build();
  }

  static AttributeProto attr(String name, String value) {
    return AttributeProto.newBuilder()
        .setName(name)
        .setType(AttributeProto.AttributeType.STRING)
        .setS(ByteString.copyFromUtf8(value))
        .build();
  }

  static AttributeProto attr(String name, long... values) {
    AttributeProto.Builder a =
        AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.INTS);
    for (long v : values) {
      a.addInts(v);
    }
    return a.build();
  }

  private String constant(String name, TensorProto.DataType type, ByteString raw, long... dims) {
    TensorProto.Builder t = TensorProto.newBuilder().setName(name).setDataType(type.getNumber());
    for (long d : dims) {
      t.addDims(d);
    }
    graph.addInitializer(t.setRawData(raw));
    return name;
  }

  private static ValueInfoProto valueInfo(String name, TensorProto.DataType type, long... dims) {
    TensorShapeProto.Builder shape = TensorShapeProto.newBuilder();
    for (long d : dims) {
      TensorShapeProto.Dimension.Builder dim = TensorShapeProto.Dimension.newBuilder();
      shape.addDim(d < 0 ? dim.setDimParam(BATCH) : dim.setDimValue(d));
    }
    TypeProto.Tensor tensor =
        TypeProto.Tensor.newBuilder().setElemType(type.getNumber()).setShape(shape).build();
    return ValueInfoProto.newBuilder()
        .setName(name)
        .setType(TypeProto.newBuilder().setTensorType(tensor))
        .build();
  }

  private static void checkSize(int length, long... dims) {
    long expected = Arrays.stream(dims).reduce(1, (a, b) -> a * b);
    if (expected != length) {
      throw new IllegalArgumentException(
          "tensor of " + length + " values does not fit dims " + Arrays.toString(dims));
    }
  }
}
