package io.asmnet.localkafka;

/** The local broker could not be started; the message says why, with the broker log's tail. */
public final class BrokerStartException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public BrokerStartException(String message) {
    super(message);
  }
}
