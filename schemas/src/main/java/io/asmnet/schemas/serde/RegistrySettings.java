package io.asmnet.schemas.serde;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Where the schema registry is, and the settings of Apicurio Registry's serdes that make them write
 * and read Confluent's framing. The registry must be an Apicurio Registry (2.x, or 3.x with its v2
 * API); Confluent's own tools then read our topics through its Confluent-compatible API ({@code
 * /apis/ccompat/v7}), where a schema id is Apicurio's content id.
 *
 * @param apiUrl the registry's v2 REST API, e.g. {@code http://registry:8080/apis/registry/v2}
 * @param extra further Apicurio serde settings ({@code apicurio.*}, such as {@code
 *     apicurio.auth.*}); they win over the defaults here
 */
public record RegistrySettings(String apiUrl, Map<String, String> extra) {
  /** The path of Apicurio Registry's v2 API, which its serdes speak. */
  public static final String API_PATH = "/apis/registry/v2";

  public RegistrySettings {
    Objects.requireNonNull(apiUrl, "apiUrl");
    extra = Map.copyOf(extra);
  }

  /**
   * Settings for a registry URL as people write it: the registry's base URL ({@code
   * http://registry:8080}), its v2 API, or its Confluent-compatible API ({@code
   * .../apis/ccompat/v7}, what Confluent clients are given) all name the same registry.
   *
   * @throws IllegalArgumentException naming what is wrong with {@code url}
   */
  public static RegistrySettings of(String url, Map<String, String> extra) {
    return new RegistrySettings(apiUrl(url), extra);
  }

  static String apiUrl(String url) {
    if (url == null || url.isBlank()) {
      throw new IllegalArgumentException(
          "no registry URL given (expected e.g. http://registry:8080)");
    }
    URI uri;
    try {
      uri = new URI(url.trim());
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("'" + url + "' is not a URL (" + e.getReason() + ")");
    }
    String scheme = uri.getScheme();
    if (scheme == null
        || !(scheme.equals("http") || scheme.equals("https"))
        || uri.getHost() == null) {
      throw new IllegalArgumentException(
          "'"
              + url
              + "' is not an http:// or https:// URL with a host"
              + " (expected e.g. http://registry:8080)");
    }
    String path = uri.getPath() == null ? "" : uri.getPath().replaceAll("/+$", "");
    String base = scheme + "://" + uri.getRawAuthority();
    if (path.isEmpty() || path.equals(API_PATH)) {
      return base + API_PATH;
    }
    if (path.matches("/apis/ccompat/v[67]")) {
      return base + API_PATH;
    }
    if (path.endsWith(API_PATH) || path.matches(".*/apis/ccompat/v[67]")) {
      // A registry behind a path prefix (a reverse proxy).
      return base + path.replaceAll("/apis/ccompat/v[67]$", API_PATH);
    }
    throw new IllegalArgumentException(
        "'"
            + url
            + "' is not an Apicurio Registry URL: give its base URL"
            + " (http://registry:8080), its v2 API (..."
            + API_PATH
            + ") or its Confluent-compatible API"
            + " (.../apis/ccompat/v7)");
  }

  /**
   * The serde configuration: Confluent framing (magic byte 0 and a 4-byte content id, no headers),
   * the writer's schema registered under {@code <topic>-value} when new, and a cached schema kept
   * when a refresh fails (the registry down does not stop known schemas).
   */
  Map<String, Object> serdeConfig() {
    Map<String, Object> config = new LinkedHashMap<>();
    config.put("apicurio.registry.url", apiUrl);
    config.put("apicurio.registry.headers.enabled", false);
    config.put("apicurio.registry.as-confluent", true);
    config.put("apicurio.registry.use-id", "contentId");
    config.put("apicurio.registry.auto-register", true);
    config.put("apicurio.registry.fault-tolerant-refresh", true);
    // Writing goes through our trusted model (Avro 1.12 refuses to load generated classes
    // otherwise).
    config.put("apicurio.registry.avro-datum-provider", TrustedDatumProvider.class);
    config.putAll(extra);
    return config;
  }
}
