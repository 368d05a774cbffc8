package ir.payam.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.operaton.bpm.engine.AuthorizationException;
import org.operaton.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.operaton.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.operaton.bpm.engine.impl.cmd.DeployCmd;
import org.operaton.bpm.engine.impl.el.JuelExpressionManager;
import org.operaton.bpm.engine.impl.identity.Authentication;
import org.operaton.bpm.engine.impl.interceptor.Command;
import org.operaton.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.stereotype.Component;

/**
 * The engine's half of "models carry no code" (the deploy gate, domain/deploy-gate/, is the other):
 *
 * <p>Expressions see the process's variables and nothing of Spring: the starter would otherwise resolve any bean's
 * name in an expression (${identityService}, ${dataSource}), which a timer job evaluates with no user and so with no
 * authorization check. An empty map of beans, not none: none means the whole application context.
 *
 * <p>Only the service account (ENGINE_USER) deploys, as `npm run deploy`, the start-up and the modeler page do, each
 * through the gate and the audit log. Anyone else — a process owner, the administrator — is refused by
 * POST /deployment/create and /deployment/{id}/redeploy whatever their grants say, so no model reaches the engine
 * around the gate. A deployment inside the engine, with nobody authenticated, is its own and passes.
 */
@Component
public class ModelsRunNoCode extends AbstractProcessEnginePlugin {
  private final String serviceUser = AccessSettings.fromEnvironment(System.getenv()).serviceUser();

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    Map<Object, Object> noBeans = Map.of();
    configuration.setBeans(noBeans);
    configuration.setExpressionManager(new JuelExpressionManager(noBeans));
    List<CommandInterceptor> before = new ArrayList<>();
    if (configuration.getCustomPreCommandInterceptorsTxRequired() != null)
      before.addAll(configuration.getCustomPreCommandInterceptorsTxRequired());
    before.add(new DeployerCheck(configuration, serviceUser));
    configuration.setCustomPreCommandInterceptorsTxRequired(before);
  }

  private static final class DeployerCheck extends CommandInterceptor {
    private final ProcessEngineConfigurationImpl configuration;
    private final String serviceUser;

    DeployerCheck(ProcessEngineConfigurationImpl configuration, String serviceUser) {
      this.configuration = configuration;
      this.serviceUser = serviceUser;
    }

    @Override
    public <T> T execute(Command<T> command) {
      if (command instanceof DeployCmd) {
        Authentication who = configuration.getIdentityService().getCurrentAuthentication();
        if (who != null && who.getUserId() != null && !serviceUser.equals(who.getUserId()))
          throw new AuthorizationException("The user '" + who.getUserId() + "' may not deploy: models reach the engine"
              + " only through the deploy gate (npm run deploy, the modeler page) — مدل فقط از راه دروازهٔ استقرار به موتور می‌رسد");
      }
      return next.execute(command);
    }
  }
}
