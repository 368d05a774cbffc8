package ir.payam.engine;

import org.operaton.bpm.engine.impl.context.Context;
import org.operaton.bpm.engine.impl.identity.db.DbIdentityServiceProvider;
import org.operaton.bpm.engine.impl.persistence.entity.UserEntity;

/**
 * The engine's users as stock (lockout after failed logins included), but a password that was right and
 * is stored with an older hash (SHA-512, from before Argon2PasswordDigest) is stored again with the
 * current one, in the same transaction as the login: the only moment the engine holds the password.
 */
public class PasswordUpgradingIdentityProvider extends DbIdentityServiceProvider {
  @Override
  public boolean checkPassword(String userId, String password) {
    if (!super.checkPassword(userId, password)) return false;
    UserEntity user = findUserById(userId);
    String current = '{' + Context.getProcessEngineConfiguration().getPasswordEncryptor().hashAlgorithmName() + '}';
    if (user != null && user.getPassword() != null && !user.getPassword().startsWith(current)) {
      // The entity is the one this command loaded; the changed hash and salt are written when it ends.
      user.setPassword(password);
      user.encryptPassword();
    }
    return true;
  }
}
