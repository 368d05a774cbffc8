package ir.payam.engine;

import org.operaton.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.operaton.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.operaton.bpm.engine.impl.persistence.GenericManagerFactory;
import org.springframework.stereotype.Component;

/**
 * Engine plugin: new and changed passwords of the engine's users are stored as argon2id
 * (Argon2PasswordDigest); hashes stored before, SHA-512, still verify (the engine's password manager
 * always checks its own SHA algorithms) and are replaced at the user's next successful login
 * (PasswordUpgradingIdentityProvider) or new password.
 */
@Component
public class PasswordHashing extends AbstractProcessEnginePlugin {
  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setPasswordEncryptor(new Argon2PasswordDigest());
    configuration.setIdentityProviderSessionFactory(new GenericManagerFactory(PasswordUpgradingIdentityProvider.class));
  }
}
