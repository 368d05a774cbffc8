package ir.payam.engine;

import java.util.Map;
import org.operaton.bpm.engine.impl.FormServiceImpl;
import org.operaton.bpm.engine.variable.VariableMap;

/** The engine's form service with TaskCompletionGuard's check before a task form is submitted (Tasklist's way). */
class GuardedFormService extends FormServiceImpl {
  @Override
  public void submitTaskForm(String taskId, Map<String, Object> properties) {
    TaskCompletionGuard.checkCompletion(commandExecutor, taskId, properties);
    super.submitTaskForm(taskId, properties);
  }

  @Override
  public VariableMap submitTaskFormWithVariablesInReturn(String taskId, Map<String, Object> properties, boolean deserializeValues) {
    TaskCompletionGuard.checkCompletion(commandExecutor, taskId, properties);
    return super.submitTaskFormWithVariablesInReturn(taskId, properties, deserializeValues);
  }
}
