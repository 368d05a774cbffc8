package ir.payam.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.operaton.bpm.engine.BadUserRequestException;
import org.operaton.bpm.engine.form.TaskFormData;
import org.operaton.bpm.engine.impl.identity.Authentication;
import org.operaton.bpm.engine.impl.GetDeployedTaskFormCmd;
import org.operaton.bpm.engine.impl.cmd.GetTaskFormCmd;
import org.operaton.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.operaton.bpm.engine.impl.interceptor.CommandContext;
import org.operaton.bpm.engine.impl.interceptor.CommandExecutor;

/**
 * What a person may send with a user task that has a Camunda Form: the form's fields and nothing else.
 * A completion (complete, submit-form, resolve) may set only the form's keys, each to one of the
 * choices the form offers where it offers a list; any other variable is refused with 400, so a
 * reviewer cannot change the registration id, add a variable of their own, or put free text into the
 * engine's history (level full) through the review task. A BPMN error or escalation would end such a
 * task without its form, so it is refused too. Comments and attachments, which no page of ours uses
 * and the engine stores without any permission check, are refused to every caller.
 *
 * <p>A person completing a task without a Camunda Form (an embedded or external form key, or none, which a
 * model could give a task Tasklist shows) sets no variable at all, and throws no BPMN error or escalation:
 * with no form to hold the fields to, whatever they sent would reach the instance and its history.
 *
 * <p>The service account is held to the keys but not to the form's list of choices: the API completes
 * the review with the domain's own rules (domain/review-decision.ts), which add "other", whose words
 * stay in Payam's database; a task without a form is the API's own (USER_TASKS), which it completes with
 * its variables. Calls from inside the engine (no authenticated user) are not checked.
 */
final class TaskCompletionGuard {
  static final String CODE = "task_variables_refused";

  private TaskCompletionGuard() {}

  /** For complete and submit-form, whose REST resources answer this exception with 400. */
  static void checkCompletion(CommandExecutor executor, String taskId, Map<String, Object> variables) {
    List<String> problems = executor.execute(ctx -> problems(ctx, taskId, variables));
    if (!problems.isEmpty()) throw new FormFieldValidationException(CODE, message(taskId, problems));
  }

  /** For resolve, BPMN errors and escalations, whose REST resources answer this exception with 400. */
  static void checkResolve(CommandExecutor executor, String taskId, Map<String, Object> variables) {
    List<String> problems = executor.execute(ctx -> problems(ctx, taskId, variables));
    if (!problems.isEmpty()) throw new BadUserRequestException(message(taskId, problems));
  }

  static void refuseUnlessForm(CommandExecutor executor, String taskId, String what) {
    boolean refused = executor.execute(ctx -> {
      Authentication who = authenticated(ctx);
      return who != null && (form(ctx, taskId).isPresent() || !isService(who));
    });
    if (refused)
      throw new BadUserRequestException(CODE + ": task " + taskId + " is completed through its form; " + what
          + " is refused — این کار فقط با فرم خودش انجام می‌شود");
  }

  static void refuseNotes(CommandExecutor executor) {
    if (executor.execute(TaskCompletionGuard::authenticated) != null)
      throw new BadUserRequestException(CODE + ": comments and attachments are not kept in the engine"
          + " — یادداشت و پیوست در موتور فرایند نگه داشته نمی‌شود");
  }

  private static String message(String taskId, List<String> problems) {
    return CODE + ": task " + taskId + " takes only its form's fields: " + String.join("; ", problems)
        + " — این کار فقط فیلدهای فرم خود را می‌پذیرد";
  }

  private static Authentication authenticated(CommandContext ctx) {
    Authentication a = ctx.getAuthentication();
    return a == null || a.getUserId() == null ? null : a;
  }

  private static boolean isService(Authentication who) {
    return who.getGroupIds() != null && who.getGroupIds().contains(AccessProvisioning.SERVICES);
  }

  private static List<String> problems(CommandContext ctx, String taskId, Map<String, Object> variables) {
    List<String> problems = new ArrayList<>();
    Authentication who = authenticated(ctx);
    if (who == null) return problems;
    if (variables == null) return problems;
    boolean service = isService(who);
    Optional<TaskFormFields> form = form(ctx, taskId);
    if (form.isEmpty()) {
      if (!service && ctx.getTaskManager().findTaskById(taskId) != null)
        for (String key : variables.keySet()) problems.add("'" + key + "' is refused: the task has no form whose field it could be");
      return problems;
    }
    for (Map.Entry<String, Object> v : variables.entrySet()) {
      String key = v.getKey();
      Object value = v.getValue() instanceof org.operaton.bpm.engine.variable.value.TypedValue t ? t.getValue() : v.getValue();
      if (!form.get().hasField(key)) {
        problems.add("'" + key + "' is not a field of the form");
      } else if (value != null && !(value instanceof String || value instanceof Boolean || value instanceof Number)) {
        problems.add("'" + key + "' must be a plain value");
      } else if (value != null && !service && form.get().choices(key) != null && !form.get().choices(key).contains(String.valueOf(value))) {
        problems.add("'" + key + "' is not one of the form's choices");
      }
    }
    return problems;
  }

  /** The task's Camunda Form, read without the caller's permissions; empty for a task without one or no task. */
  private static Optional<TaskFormFields> form(CommandContext ctx, String taskId) {
    if (taskId == null || ctx.getTaskManager().findTaskById(taskId) == null) return Optional.empty();
    TaskFormData data = ctx.runWithoutAuthorization(new GetTaskFormCmd(taskId));
    boolean hasForm = data.getFormKey() != null || (data.getOperatonFormRef() != null && data.getOperatonFormRef().getKey() != null);
    if (!hasForm) return Optional.empty();
    try (InputStream schema = ctx.runWithoutAuthorization(new GetDeployedTaskFormCmd(taskId))) {
      return Optional.of(TaskFormFields.read(schema));
    } catch (BadUserRequestException e) {
      return Optional.empty(); // a form key that is no deployed form
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
