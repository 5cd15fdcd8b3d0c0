package io.asmnet.processor.infer;

/**
 * One caller's share of a batch result.
 *
 * @param output the model output for the caller's faces only, in the order they were written
 * @param queueMicros from the caller's reservation to the start of the batch run
 * @param runMicros model run time of the whole batch
 * @param batchSize faces in that batch, across all callers
 */
public record BatchSlice(ModelOutput output, long queueMicros, long runMicros, int batchSize) {}
