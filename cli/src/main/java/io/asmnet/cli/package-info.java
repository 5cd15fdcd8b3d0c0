/** The {@code asmnet} command line: what people run day to day. */
package io.asmnet.cli;
