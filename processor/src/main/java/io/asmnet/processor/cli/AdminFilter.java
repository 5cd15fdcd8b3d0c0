package io.asmnet.processor.cli;

import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.admin.AdminClientConfig;

/** Keeps the settings an admin client understands, so Streams-only keys do not warn. */
final class AdminFilter {
  private static final Set<String> ADMIN = AdminClientConfig.configNames();

  private AdminFilter() {}

  static Properties clientOnly(Properties all) {
    Properties out = new Properties();
    all.forEach(
        (k, v) -> {
          String key = k.toString();
          if (ADMIN.contains(key)) {
            out.put(key, v);
          } else if (key.startsWith("admin.")) {
            out.put(key.substring("admin.".length()), v);
          }
        });
    return out;
  }
}
