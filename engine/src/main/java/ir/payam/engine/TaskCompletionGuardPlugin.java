package ir.payam.engine;

import org.operaton.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.operaton.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * Puts TaskCompletionGuard in front of the task and form services before the engine is built, so the
 * REST API, Tasklist and anything else holding the engine's services go through it.
 */
@Component
public class TaskCompletionGuardPlugin extends AbstractProcessEnginePlugin {
  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setTaskService(new GuardedTaskService());
    configuration.setFormService(new GuardedFormService());
  }
}
