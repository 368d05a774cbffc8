package ir.payam.engine;

import java.util.concurrent.Semaphore;
import java.util.function.Supplier;

import org.operaton.bpm.engine.impl.digest.PasswordEncryptor;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

/**
 * The engine's users' passwords hashed as our staff store hashes them (adapters/crypto/password-hash.ts):
 * argon2id with OWASP's settings for interactive logins, 19 MiB, 2 passes, 1 lane, a 16-byte salt and a
 * 32-byte hash, in the same PHC string. The engine's default, one salted SHA-512, costs a thief of its
 * user table nothing per guess, so the staff password would be only as strong as that copy of it.
 *
 * Each hash takes 19 MiB; at most one per processor runs at once, so a burst of logins queues
 * rather than taking the engine's heap.
 */
public class Argon2PasswordDigest implements PasswordEncryptor {
  public static final String NAME = "argon2id";

  private final Argon2PasswordEncoder encoder = new Argon2PasswordEncoder(16, 32, 1, 19_456, 2);
  private final Semaphore running = new Semaphore(Runtime.getRuntime().availableProcessors(), true);

  @Override
  public String encrypt(String password) {
    return limited(() -> encoder.encode(password));
  }

  /** A stored hash with other settings (older, or set by a later version) still verifies: they are read from it. */
  @Override
  public boolean check(String password, String encrypted) {
    return limited(() -> encoder.matches(password, encrypted));
  }

  @Override
  public String hashAlgorithmName() {
    return NAME;
  }

  private <T> T limited(Supplier<T> hashing) {
    running.acquireUninterruptibly();
    try {
      return hashing.get();
    } finally {
      running.release();
    }
  }
}
