package io.asmnet.processor.registry;

import java.nio.file.Path;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives tests a real Apicurio Registry ({@link RegistryServer}) as a parameter:
 * {@code @ExtendWith(RegistryExtension.class)}. One server for the whole test run, started on first
 * use and stopped when the run ends. Its home comes from the system property {@code
 * asmnet.test.registry.home} (Failsafe sets it to the folder the build unpacked the app into).
 */
public final class RegistryExtension implements ParameterResolver {
  public static final String HOME_PROPERTY = "asmnet.test.registry.home";
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(RegistryExtension.class);

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == RegistryServer.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return context
        .getRoot()
        .getStore(NAMESPACE)
        .getOrComputeIfAbsent(RunServer.class, key -> start(), RunServer.class)
        .server();
  }

  private static RunServer start() {
    String home = System.getProperty(HOME_PROPERTY);
    if (home == null || home.isBlank()) {
      throw new IllegalStateException(
          "system property " + HOME_PROPERTY + " is not set (Failsafe sets it: mvn verify)");
    }
    try {
      return new RunServer(RegistryServer.start(Path.of(home)));
    } catch (Exception e) {
      throw new IllegalStateException("cannot start the test registry: " + e.getMessage(), e);
    }
  }

  /** Closed by JUnit when the root store closes, at the end of the run. */
  private record RunServer(RegistryServer server)
      implements ExtensionContext.Store.CloseableResource {
    @Override
    public void close() {
      server.close();
    }
  }
}
