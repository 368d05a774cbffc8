package ir.payam.engine;

import java.io.InputStream;
import java.util.Map;
import org.operaton.bpm.engine.impl.TaskServiceImpl;
import org.operaton.bpm.engine.task.Attachment;
import org.operaton.bpm.engine.task.Comment;
import org.operaton.bpm.engine.variable.VariableMap;

/** The engine's task service with TaskCompletionGuard's checks before the calls that end or annotate a task. */
class GuardedTaskService extends TaskServiceImpl {
  @Override
  public void complete(String taskId, Map<String, Object> variables) {
    TaskCompletionGuard.checkCompletion(commandExecutor, taskId, variables);
    super.complete(taskId, variables);
  }

  @Override
  public VariableMap completeWithVariablesInReturn(String taskId, Map<String, Object> variables, boolean deserializeValues) {
    TaskCompletionGuard.checkCompletion(commandExecutor, taskId, variables);
    return super.completeWithVariablesInReturn(taskId, variables, deserializeValues);
  }

  @Override
  public void resolveTask(String taskId, Map<String, Object> variables) {
    TaskCompletionGuard.checkResolve(commandExecutor, taskId, variables);
    super.resolveTask(taskId, variables);
  }

  @Override
  public void handleBpmnError(String taskId, String errorCode) {
    TaskCompletionGuard.refuseUnlessForm(commandExecutor, taskId, "a BPMN error");
    super.handleBpmnError(taskId, errorCode);
  }

  @Override
  public void handleBpmnError(String taskId, String errorCode, String errorMessage) {
    TaskCompletionGuard.refuseUnlessForm(commandExecutor, taskId, "a BPMN error");
    super.handleBpmnError(taskId, errorCode, errorMessage);
  }

  @Override
  public void handleBpmnError(String taskId, String errorCode, String errorMessage, Map<String, Object> variables) {
    TaskCompletionGuard.refuseUnlessForm(commandExecutor, taskId, "a BPMN error");
    super.handleBpmnError(taskId, errorCode, errorMessage, variables);
  }

  @Override
  public void handleEscalation(String taskId, String escalationCode) {
    TaskCompletionGuard.refuseUnlessForm(commandExecutor, taskId, "an escalation");
    super.handleEscalation(taskId, escalationCode);
  }

  @Override
  public void handleEscalation(String taskId, String escalationCode, Map<String, Object> variables) {
    TaskCompletionGuard.refuseUnlessForm(commandExecutor, taskId, "an escalation");
    super.handleEscalation(taskId, escalationCode, variables);
  }

  @Override
  public Comment createComment(String taskId, String processInstanceId, String message) {
    TaskCompletionGuard.refuseNotes(commandExecutor);
    return super.createComment(taskId, processInstanceId, message);
  }

  @Override
  public Attachment createAttachment(String type, String taskId, String processInstanceId, String name, String description, InputStream content) {
    TaskCompletionGuard.refuseNotes(commandExecutor);
    return super.createAttachment(type, taskId, processInstanceId, name, description, content);
  }

  @Override
  public Attachment createAttachment(String type, String taskId, String processInstanceId, String name, String description, String url) {
    TaskCompletionGuard.refuseNotes(commandExecutor);
    return super.createAttachment(type, taskId, processInstanceId, name, description, url);
  }
}
