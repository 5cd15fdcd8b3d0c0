package io.asmnet.cli;

/**
 * A command cannot go on, for a reason the user can act on: the message says what and which (file,
 * topic, broker). {@link AsmnetCommand} prints it without a stack trace and exits with {@link
 * #exitCode()}: {@link #USAGE} (2) for bad input given on the command line (missing file, unknown
 * format), {@link #ERROR} (1) for everything else (broker unreachable, missing topic, records of an
 * unknown schema).
 */
public final class CommandFailure extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Exit code of failures at run time. */
  public static final int ERROR = 1;

  /** Exit code of bad arguments, as picocli uses for its own usage errors. */
  public static final int USAGE = 2;

  private final int exitCode;

  private CommandFailure(int exitCode, String message, Throwable cause) {
    super(message, cause);
    this.exitCode = exitCode;
  }

  /** A run-time failure (exit code 1). */
  public static CommandFailure error(String message) {
    return new CommandFailure(ERROR, message, null);
  }

  /** A run-time failure (exit code 1) with its low-level cause, logged at debug level. */
  public static CommandFailure error(String message, Throwable cause) {
    return new CommandFailure(ERROR, message, cause);
  }

  /** Bad input named on the command line (exit code 2). */
  public static CommandFailure usage(String message) {
    return new CommandFailure(USAGE, message, null);
  }

  /** The process exit code for this failure. */
  public int exitCode() {
    return exitCode;
  }
}
