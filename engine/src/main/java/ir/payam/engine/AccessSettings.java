package ir.payam.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The accounts the engine is provisioned with, from the environment. The development passwords are
 * applied only when development is asked for explicitly (PAYAM_DEV_DEFAULTS=1, which `npm start`,
 * `npm test` and docker-compose.yml set, as config/config.ts reads it for the Node services);
 * otherwise every missing or default value is named and the engine does not start.
 */
public record AccessSettings(String serviceUser, String servicePassword, String adminUser, String adminPassword) {
  static final String DEV_SERVICE_PASSWORD = "payam-engine-dev";
  static final String DEV_ADMIN_PASSWORD = "admin";
  static final String DEV_DEFAULTS = "PAYAM_DEV_DEFAULTS";

  /** As TypeBox converts a boolean in config/config.ts: "1" or "true" in any case. */
  static boolean devDefaults(Map<String, String> env) {
    String v = env.get(DEV_DEFAULTS);
    return v != null && ("1".equals(v.trim()) || "true".equalsIgnoreCase(v.trim()));
  }

  /** An unset or empty variable is missing, as config/config.ts reads it. */
  private static String value(Map<String, String> env, String name) {
    String v = env.get(name);
    return v == null || v.isEmpty() ? null : v;
  }

  public static AccessSettings fromEnvironment(Map<String, String> env) {
    boolean dev = devDefaults(env);
    List<String> problems = new ArrayList<>();
    if (dev && "production".equals(env.get("NODE_ENV"))) problems.add(DEV_DEFAULTS + " is refused when NODE_ENV=production");
    String servicePassword = value(env, "ENGINE_PASSWORD");
    String adminPassword = value(env, "ENGINE_ADMIN_PASSWORD");
    if (!dev) {
      if (servicePassword == null) problems.add("ENGINE_PASSWORD is not set (its development default applies only with " + DEV_DEFAULTS + "=1)");
      else if (DEV_SERVICE_PASSWORD.equals(servicePassword)) problems.add("ENGINE_PASSWORD is the development default (refused without " + DEV_DEFAULTS + "=1)");
      else if (servicePassword.length() < 12) problems.add("ENGINE_PASSWORD must have at least 12 characters");
      if (adminPassword == null) problems.add("ENGINE_ADMIN_PASSWORD is not set (its development default applies only with " + DEV_DEFAULTS + "=1)");
      else if (DEV_ADMIN_PASSWORD.equals(adminPassword)) problems.add("ENGINE_ADMIN_PASSWORD is the development default (refused without " + DEV_DEFAULTS + "=1)");
      else if (adminPassword.length() < 12) problems.add("ENGINE_ADMIN_PASSWORD must have at least 12 characters");
    }
    if (!problems.isEmpty()) throw new IllegalStateException("refusing to start: " + String.join("; ", problems));
    String serviceUser = value(env, "ENGINE_USER");
    String adminUser = value(env, "ENGINE_ADMIN_USER");
    return new AccessSettings(
        serviceUser == null ? "payam-service" : serviceUser,
        servicePassword == null ? DEV_SERVICE_PASSWORD : servicePassword,
        adminUser == null ? "admin" : adminUser,
        adminPassword == null ? DEV_ADMIN_PASSWORD : adminPassword);
  }
}
