package ir.payam.engine;

import static org.operaton.bpm.engine.authorization.Authorization.ANY;

import java.util.List;
import java.util.Map;
import org.operaton.bpm.engine.AuthorizationService;
import org.operaton.bpm.engine.FilterService;
import org.operaton.bpm.engine.IdentityService;
import org.operaton.bpm.engine.ProcessEngine;
import org.operaton.bpm.engine.authorization.Groups;
import org.operaton.bpm.engine.authorization.Permissions;
import org.operaton.bpm.engine.authorization.Resources;
import org.operaton.bpm.engine.filter.Filter;
import org.operaton.bpm.engine.impl.TaskQueryImpl;
import org.operaton.bpm.engine.identity.Group;
import org.operaton.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Creates, at every start and idempotently, the engine's groups, their authorizations, the service
 * account the API and workers use, the administrator and the reviewers' Tasklist filter. Passwords
 * from the environment win over what is stored, so rotating a secret is a restart. The managed groups'
 * grants converge on what is written here (GrantConvergence): a grant this code stopped making, or
 * one added in Admin, is gone after the next start.
 */
@Component
public class AccessProvisioning {
  public static final String SERVICES = "payam-services";
  public static final String REVIEWERS = "it-office-reviewers";
  public static final String PERFORMANCE_OFFICE = "performance-office";
  public static final String PROCESS_OWNERS = "process-owners";
  public static final String RA_CLERKS = "ra-clerks";
  /** The groups whose grants this class owns: at every start they become exactly what the code grants. */
  static final List<String> MANAGED_GROUPS =
      List.of(Groups.OPERATON_ADMIN, SERVICES, REVIEWERS, PERFORMANCE_OFFICE, PROCESS_OWNERS, RA_CLERKS);
  static final String REGISTRATION_PROCESS = "agency-registration";
  static final String REVIEW_PROCESS = "agency-registration-review";
  static final String CERTIFICATE_PROCESS = "certificate-request";
  /** The filters' names and descriptions, as Tasklist shows them to the staff, who read Persian. */
  static final String REVIEW_FILTER = "درخواست‌های در انتظار بررسی";
  static final String REVIEW_FILTER_DESCRIPTION = "بررسی هویت نماینده و معرفی‌نامهٔ دستگاه‌های اجرایی، برای کارشناسان بررسی";
  static final String RA_FILTER = "درخواست‌های گواهی در انتظار دفتر ثبت‌نام";
  static final String RA_FILTER_DESCRIPTION = "بررسی هویت و مدارک متقاضیان گواهی، برای دفتر ثبت‌نام";
  /** The names these filters had before (bilingual): a filter found under one is renamed, not made twice. */
  static final Map<String, String> EARLIER_NAMES = Map.of(
      REVIEW_FILTER, "درخواست‌های در انتظار بررسی — Requests awaiting review",
      RA_FILTER, "درخواست‌های گواهی در انتظار دفتر ثبت‌نام — Certificate requests awaiting the RA");

  /** Tasklist's list shows which case a task is about (the process variables the review and RA tasks carry). */
  static final List<Map<String, String>> CASE_COLUMNS = List.of(
      Map.of("name", "agencyName", "label", "دستگاه اجرایی"),
      Map.of("name", "trackingCode", "label", "کد پیگیری"));
  /**
   * The list's sorting until the person picks another in Tasklist's sort menu: by agency, then newest first.
   * Kept in the filter's properties, in the REST API's form, where the Tasklist script payam-staff/tasklist-sorting.js
   * reads it: a sorting stored in the filter's query would come ahead of the menu's and overrule every choice.
   */
  static final List<Map<String, Object>> CASE_SORTING = List.of(
      Map.of("sortBy", "processVariable", "sortOrder", "asc",
          "parameters", Map.of("variable", "agencyName", "type", "String")),
      Map.of("sortBy", "created", "sortOrder", "desc"));

  private static final Logger log = LoggerFactory.getLogger(AccessProvisioning.class);

  private final ProcessEngine engine;

  public AccessProvisioning(ProcessEngine engine) {
    this.engine = engine;
  }

  /** Before readiness is reported: a client that sees the engine ready can log in. */
  @EventListener(ApplicationStartedEvent.class)
  public void provision() {
    AccessSettings settings = AccessSettings.fromEnvironment(System.getenv());
    IdentityService identity = engine.getIdentityService();
    AuthorizationService auth = engine.getAuthorizationService();

    group(identity, Groups.OPERATON_ADMIN, "مدیران Operaton", Groups.GROUP_TYPE_SYSTEM);
    group(identity, SERVICES, "سرویس‌های پیام ایران (واسط برنامه‌ها و کارگزارها)", Groups.GROUP_TYPE_SYSTEM);
    group(identity, REVIEWERS, "کارشناسان بررسی ادارهٔ فناوری اطلاعات", Groups.GROUP_TYPE_WORKFLOW);
    group(identity, PERFORMANCE_OFFICE, "دفتر مدیریت عملکرد و بازرسی", Groups.GROUP_TYPE_WORKFLOW);
    group(identity, PROCESS_OWNERS, "مالکان فرایند", Groups.GROUP_TYPE_WORKFLOW);
    group(identity, RA_CLERKS, "کارمندان دفتر ثبت‌نام", Groups.GROUP_TYPE_WORKFLOW);

    // Names in Persian, as the staff read them in Admin and in the apps' header; given when the user is first made.
    user(identity, settings.adminUser(), settings.adminPassword(), "مدیر", "موتور فرایند", Groups.OPERATON_ADMIN);
    user(identity, settings.serviceUser(), settings.servicePassword(), "سرویس‌های", "پیام ایران", SERVICES);

    Grants grants = new Grants();
    // Members read their own group, as the engine grants when it creates one (Tasklist and Cockpit show it).
    for (String g : MANAGED_GROUPS) grants.add(g, Resources.GROUP, g, Permissions.READ);
    // Administrators: everything, on every resource (what the webapps' first-user set-up grants).
    for (Resources r : Resources.values()) grants.add(Groups.OPERATON_ADMIN, r, ANY, Permissions.ALL);

    // The API and workers: start and drive instances, fetch and complete external tasks, complete
    // user tasks, read history for the office's figures, deploy bpmn/ and the modeler page's models
    // through the deploy gate, migrate instances. The only deployer (ModelsRunNoCode refuses everyone else).
    for (Resources r : List.of(Resources.PROCESS_DEFINITION, Resources.PROCESS_INSTANCE, Resources.TASK,
        Resources.DEPLOYMENT, Resources.HISTORIC_TASK, Resources.HISTORIC_PROCESS_INSTANCE, Resources.BATCH)) {
      grants.add(SERVICES, r, ANY, Permissions.ALL);
    }

    // Reviewers: Tasklist, and the tasks they are candidates for (the engine grants READ and TASK_WORK
    // per task: defaultUserPermissionNameForTask in application.yaml).
    grants.add(REVIEWERS, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
    // READ_INSTANCE: Tasklist's list reads the case's columns (agencyName, trackingCode) from the review's variables.
    grants.add(REVIEWERS, Resources.PROCESS_DEFINITION, REVIEW_PROCESS, Permissions.READ, Permissions.READ_INSTANCE);
    grants.add(REVIEWERS, Resources.PROCESS_DEFINITION, REGISTRATION_PROCESS, Permissions.READ);

    // RA clerks: Tasklist, and the identity and document checks of certificate requests they are candidates for.
    grants.add(RA_CLERKS, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
    grants.add(RA_CLERKS, Resources.PROCESS_DEFINITION, CERTIFICATE_PROCESS, Permissions.READ, Permissions.READ_INSTANCE);

    // The office watches the registration process in Cockpit: its definitions, running instances (with
    // their variables, ids and outcome codes only, and incidents) and history (instances, activities,
    // user tasks, variable updates, incidents). No change of any kind, no users or groups, and not the
    // registration office's certificate requests.
    grants.add(PERFORMANCE_OFFICE, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
    for (String key : List.of(REGISTRATION_PROCESS, REVIEW_PROCESS)) {
      grants.add(PERFORMANCE_OFFICE, Resources.PROCESS_DEFINITION, key,
          Permissions.READ, Permissions.READ_INSTANCE, Permissions.READ_HISTORY);
    }
    grants.add(PERFORMANCE_OFFICE, Resources.DEPLOYMENT, ANY, Permissions.READ);

    // Process owners edit and deploy on the modeler page, which deploys and migrates as the service
    // account through the deploy gate (and shows each version's running instances). In Cockpit they
    // see the definitions, their diagrams and deployments: no instances, variables, tasks, incidents
    // or history, and no deployment of their own.
    grants.add(PROCESS_OWNERS, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
    for (String key : List.of(REGISTRATION_PROCESS, REVIEW_PROCESS)) {
      grants.add(PROCESS_OWNERS, Resources.PROCESS_DEFINITION, key, Permissions.READ);
    }
    grants.add(PROCESS_OWNERS, Resources.DEPLOYMENT, ANY, Permissions.READ);

    grants.add(REVIEWERS, Resources.FILTER, taskFilter(engine, REVIEW_FILTER, REVIEWERS, REVIEW_FILTER_DESCRIPTION), Permissions.READ);
    grants.add(RA_CLERKS, Resources.FILTER, taskFilter(engine, RA_FILTER, RA_CLERKS, RA_FILTER_DESCRIPTION), Permissions.READ);

    GrantConvergence.Changes changes = new GrantConvergence(auth).converge(MANAGED_GROUPS, grants);
    log.info("engine access provisioned: groups, authorizations ({}), service account '{}', administrator '{}'",
        changes, settings.serviceUser(), settings.adminUser());
  }

  private static void group(IdentityService identity, String id, String name, String type) {
    // The name is what Tasklist and Admin show staff (in Persian): a group made under an earlier name is renamed.
    Group g = identity.createGroupQuery().groupId(id).singleResult();
    if (g != null && name.equals(g.getName())) return;
    if (g == null) {
      g = identity.newGroup(id);
      g.setType(type);
    }
    g.setName(name);
    identity.saveGroup(g);
  }

  private static void user(IdentityService identity, String id, String password, String first, String last, String groupId) {
    // Checked before the user is read: the check may store the user anew (a right password kept with an
    // older hash is re-hashed, PasswordUpgradingIdentityProvider), which a user read earlier would overwrite.
    boolean passwordRight = identity.checkPassword(id, password);
    User u = identity.createUserQuery().userId(id).singleResult();
    if (u == null) {
      u = identity.newUser(id);
      u.setFirstName(first);
      u.setLastName(last);
    }
    if (u.getPassword() == null || !passwordRight) u.setPassword(password);
    identity.saveUser(u);
    // A new password (ENGINE_PASSWORD changed) failed the check above, which counts as a failed login
    // and locks the account for seconds; the API and workers must not meet that lock after a restart.
    if (!passwordRight) identity.unlockUser(id);
    if (identity.createUserQuery().userId(id).memberOfGroup(groupId).count() == 0) identity.createMembership(id, groupId);
  }

  /** Tasklist shows nothing until a filter exists: one per group with tasks (reviewers, RA clerks); its id. */
  private static String taskFilter(ProcessEngine engine, String name, String groupId, String description) {
    FilterService filters = engine.getFilterService();
    Filter filter = filters.createFilterQuery().filterName(name).singleResult();
    if (filter == null && EARLIER_NAMES.containsKey(name))
      filter = filters.createFilterQuery().filterName(EARLIER_NAMES.get(name)).singleResult();
    if (filter == null) filter = filters.newTaskFilter(name);
    // The query carries no sorting: one stored in the query would win over whatever the reviewer picks in
    // Tasklist's sort menu (by agency, tracking code, creation); the default sorting is a property (CASE_SORTING).
    // A filter made earlier (with a sorting, or before the case's columns existed) converges at the next start;
    // an unchanged one is not written again.
    Map<String, Object> properties = Map.of("description", description, "priority", -10, "refresh", true,
        "variables", CASE_COLUMNS, "sorting", CASE_SORTING);
    boolean sorted = filter.getId() != null && !((TaskQueryImpl) filter.getQuery()).getOrderingProperties().isEmpty();
    if (filter.getId() == null || sorted || !name.equals(filter.getName()) || !properties.equals(filter.getProperties())) {
      filters.saveFilter(filter.setName(name).setProperties(properties)
          .setQuery(engine.getTaskService().createTaskQuery().taskCandidateGroup(groupId).includeAssignedTasks()));
    }
    return filter.getId();
  }
}
