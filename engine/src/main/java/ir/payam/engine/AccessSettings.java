package ir.payam.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The accounts the engine is provisioned with, from the environment. Development defaults let a
 * developer start with nothing set; in production (NODE_ENV=production, as for the Node services)
 * they are refused and every missing or default value is named.
 */
public record AccessSettings(String serviceUser, String servicePassword, String adminUser, String adminPassword) {
  static final String DEV_SERVICE_PASSWORD = "payam-engine-dev";
  static final String DEV_ADMIN_PASSWORD = "admin";

  public static AccessSettings fromEnvironment(Map<String, String> env) {
    AccessSettings s = new AccessSettings(
        env.getOrDefault("ENGINE_USER", "payam-service"),
        env.getOrDefault("ENGINE_PASSWORD", DEV_SERVICE_PASSWORD),
        env.getOrDefault("ENGINE_ADMIN_USER", "admin"),
        env.getOrDefault("ENGINE_ADMIN_PASSWORD", DEV_ADMIN_PASSWORD));
    if ("production".equals(env.get("NODE_ENV"))) {
      List<String> problems = new ArrayList<>();
      if (!env.containsKey("ENGINE_PASSWORD") || DEV_SERVICE_PASSWORD.equals(s.servicePassword())) problems.add("ENGINE_PASSWORD is the development default");
      if (!env.containsKey("ENGINE_ADMIN_PASSWORD") || DEV_ADMIN_PASSWORD.equals(s.adminPassword())) problems.add("ENGINE_ADMIN_PASSWORD is the development default");
      if (s.servicePassword().length() < 12 || s.adminPassword().length() < 12) problems.add("engine passwords must have at least 12 characters in production");
      if (!problems.isEmpty()) throw new IllegalStateException("refusing to start: " + String.join("; ", problems));
    }
    return s;
  }
}
