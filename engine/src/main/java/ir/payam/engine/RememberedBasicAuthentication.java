package ir.payam.engine;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.servlet.http.HttpServletRequest;
import org.operaton.bpm.engine.IdentityService;
import org.operaton.bpm.engine.ProcessEngine;
import org.operaton.bpm.engine.identity.Group;
import org.operaton.bpm.engine.identity.Tenant;
import org.operaton.bpm.engine.rest.security.auth.AuthenticationResult;
import org.operaton.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;

/**
 * HTTP Basic against the engine's users, as the stock provider does, except for the service account
 * (ENGINE_USER): the API and the workers send it on every call, and checking it costs a password hash
 * (argon2id, Argon2PasswordDigest) and three queries (the user, its groups, its tenants) each time.
 *
 * Only the service account is remembered: staff, the administrator and everyone else are checked on
 * every call, so a deactivated member or an old password is refused at once and the engine's lockout
 * after failed logins applies to them. The service account's accepted credentials are remembered as an
 * HMAC-SHA256 of the whole Authorization header under a key drawn at random when the engine starts (so
 * nothing outside this process can test a guess against it, and a wrong password never matches) with
 * its groups and tenants, for ENGINE_REST_AUTH_CACHE_SECONDS (default 30; 0 turns it off), in a small
 * bounded cache. A change to the service account made while the engine runs (its password, its
 * groups) therefore reaches the REST API within that time; restarting the engine forgets it at once.
 * Refusals are never remembered.
 */
public class RememberedBasicAuthentication extends HttpBasicAuthenticationProvider {
  /** The service account's current header, and one or two left from a password change in Admin. */
  private static final int MAX_ENTRIES = 8;

  private record Remembered(String userId, List<String> groups, List<String> tenants) {}

  private final String serviceUser = AccessSettings.fromEnvironment(System.getenv()).serviceUser();
  private final long ttlSeconds = ttlSeconds(System.getenv("ENGINE_REST_AUTH_CACHE_SECONDS"));
  private final Cache<String, Remembered> remembered =
      Caffeine.newBuilder().maximumSize(MAX_ENTRIES).expireAfterWrite(Duration.ofSeconds(ttlSeconds)).build();
  private final SecretKeySpec key = randomKey();

  static long ttlSeconds(String value) {
    if (value == null || value.isBlank()) return 30;
    long seconds = Long.parseLong(value.trim());
    if (seconds < 0 || seconds > 300) throw new IllegalArgumentException("ENGINE_REST_AUTH_CACHE_SECONDS must be 0 to 300");
    return seconds;
  }

  @Override
  public AuthenticationResult extractAuthenticatedUser(HttpServletRequest request, ProcessEngine engine) {
    String header = request.getHeader("Authorization");
    if (ttlSeconds == 0 || header == null || !serviceUser.equals(basicUser(header)))
      return super.extractAuthenticatedUser(request, engine);
    String hmac = engine.getName() + ' ' + hmac(header);
    Remembered r = remembered.getIfPresent(hmac);
    if (r != null) return withIdentity(r);

    AuthenticationResult result = super.extractAuthenticatedUser(request, engine);
    if (!result.isAuthenticated()) return result;
    IdentityService identity = engine.getIdentityService();
    String userId = result.getAuthenticatedUser();
    List<String> groups = identity.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList();
    List<String> tenants = identity.createTenantQuery().userMember(userId).includingGroupsOfUser(true).list().stream().map(Tenant::getId).toList();
    Remembered accepted = new Remembered(userId, groups, tenants);
    remembered.put(hmac, accepted);
    return withIdentity(accepted);
  }

  /** The user name a Basic header claims, or null when it is not one; the stock provider checks it properly. */
  static String basicUser(String header) {
    if (header.length() < 6 || !header.regionMatches(true, 0, "Basic ", 0, 6)) return null;
    try {
      String decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
      int colon = decoded.indexOf(':');
      return colon < 0 ? null : decoded.substring(0, colon);
    } catch (IllegalArgumentException notBase64) {
      return null;
    }
  }

  private static AuthenticationResult withIdentity(Remembered r) {
    AuthenticationResult result = AuthenticationResult.successful(r.userId());
    result.setGroups(r.groups());
    result.setTenants(r.tenants());
    return result;
  }

  private static SecretKeySpec randomKey() {
    byte[] bytes = new byte[32];
    new SecureRandom().nextBytes(bytes);
    return new SecretKeySpec(bytes, "HmacSHA256");
  }

  private String hmac(String s) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      return HexFormat.of().formatHex(mac.doFinal(s.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
