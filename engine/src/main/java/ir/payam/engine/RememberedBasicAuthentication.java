package ir.payam.engine;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.http.HttpServletRequest;
import org.operaton.bpm.engine.IdentityService;
import org.operaton.bpm.engine.ProcessEngine;
import org.operaton.bpm.engine.identity.Group;
import org.operaton.bpm.engine.identity.Tenant;
import org.operaton.bpm.engine.rest.security.auth.AuthenticationResult;
import org.operaton.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;

/**
 * HTTP Basic against the engine's users, as the stock provider does, but a caller whose credentials
 * were accepted a moment ago is not checked again: the API and the workers send the same service
 * account on every call, and the stock filter costs three queries each time (the user and its
 * password hash, its groups, its tenants), a tenth of the engine's CPU under load.
 *
 * What is remembered is the SHA-256 of the whole Authorization header (so a wrong or changed password
 * never matches) with the user's groups and tenants, for ENGINE_REST_AUTH_CACHE_SECONDS (default 30;
 * 0 turns it off). A password change, a removed user or a group change therefore takes effect on the
 * REST API within that time. Refusals are never remembered.
 */
public class RememberedBasicAuthentication extends HttpBasicAuthenticationProvider {
  private static final int MAX_ENTRIES = 1_000;

  private record Remembered(String userId, List<String> groups, List<String> tenants, long until) {}

  private final Map<String, Remembered> remembered = new ConcurrentHashMap<>();
  private final long ttlMillis = ttlSeconds(System.getenv("ENGINE_REST_AUTH_CACHE_SECONDS")) * 1000L;

  static long ttlSeconds(String value) {
    if (value == null || value.isBlank()) return 30;
    long seconds = Long.parseLong(value.trim());
    if (seconds < 0 || seconds > 300) throw new IllegalArgumentException("ENGINE_REST_AUTH_CACHE_SECONDS must be 0 to 300");
    return seconds;
  }

  @Override
  public AuthenticationResult extractAuthenticatedUser(HttpServletRequest request, ProcessEngine engine) {
    String header = request.getHeader("Authorization");
    if (ttlMillis == 0 || header == null) return super.extractAuthenticatedUser(request, engine);
    String key = engine.getName() + ' ' + sha256(header);
    long now = System.currentTimeMillis();
    Remembered r = remembered.get(key);
    if (r != null && r.until() > now) return withIdentity(r.userId(), r.groups(), r.tenants());

    AuthenticationResult result = super.extractAuthenticatedUser(request, engine);
    if (!result.isAuthenticated()) return result;
    IdentityService identity = engine.getIdentityService();
    String userId = result.getAuthenticatedUser();
    List<String> groups = identity.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList();
    List<String> tenants = identity.createTenantQuery().userMember(userId).includingGroupsOfUser(true).list().stream().map(Tenant::getId).toList();
    // Bounded: callers are a handful of service accounts; anything past that starts the map afresh.
    if (remembered.size() >= MAX_ENTRIES) remembered.clear();
    remembered.put(key, new Remembered(userId, groups, tenants, now + ttlMillis));
    return withIdentity(userId, groups, tenants);
  }

  private static AuthenticationResult withIdentity(String userId, List<String> groups, List<String> tenants) {
    AuthenticationResult result = AuthenticationResult.successful(userId);
    result.setGroups(groups);
    result.setTenants(tenants);
    return result;
  }

  private static String sha256(String s) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
