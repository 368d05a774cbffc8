package ir.payam.engine;

import static org.operaton.bpm.engine.authorization.Authorization.ANY;
import static org.operaton.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.operaton.bpm.engine.AuthorizationService;
import org.operaton.bpm.engine.authorization.Authorization;
import org.operaton.bpm.engine.authorization.Permissions;
import org.operaton.bpm.engine.authorization.Resources;
import org.operaton.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes the GRANT authorizations of the managed groups exactly those the code makes: missing ones
 * are created, permissions set to what the code gives, any other grant of those groups deleted (one
 * the code stopped making, or one added in Admin). Two kinds of rows are left alone: REVOKEs, which an
 * administrator sets in Admin and the engine applies (authorization-check-revokes: auto), and the
 * grants the engine itself makes on one task for its candidate groups, whose UPDATE (the engine's
 * default before TASK_WORK) is narrowed to TASK_WORK. Users' own authorizations and other groups' are
 * never read.
 */
final class GrantConvergence {
  private static final Logger log = LoggerFactory.getLogger(GrantConvergence.class);

  record Changes(int created, int updated, int deleted, int tasksNarrowed) {
    @Override
    public String toString() {
      return "created " + created + ", updated " + updated + ", deleted " + deleted + ", task grants narrowed to TASK_WORK " + tasksNarrowed;
    }
  }

  private final AuthorizationService auth;

  GrantConvergence(AuthorizationService auth) {
    this.auth = auth;
  }

  Changes converge(List<String> groups, Grants wanted) {
    int created = 0, updated = 0, deleted = 0, narrowed = 0;
    Map<Grants.Key, Integer> missing = new HashMap<>(wanted.masks());
    for (String groupId : groups) {
      for (Authorization a : auth.createAuthorizationQuery().authorizationType(AUTH_TYPE_GRANT).groupIdIn(groupId).list()) {
        AuthorizationEntity row = (AuthorizationEntity) a;
        if (isEnginesTaskGrant(row)) {
          if (row.isPermissionGranted(Permissions.UPDATE)) {
            row.removePermission(Permissions.UPDATE);
            row.addPermission(Permissions.TASK_WORK);
            auth.saveAuthorization(row);
            narrowed++;
          }
          continue;
        }
        Integer mask = missing.remove(new Grants.Key(groupId, row.getResourceType(), row.getResourceId()));
        if (mask == null) {
          // Not made by the code, or a second row for a key already converged.
          log.info("removing grant of group '{}' on resource type {} id '{}' (permissions {}): not made by AccessProvisioning",
              groupId, row.getResourceType(), row.getResourceId(), row.getPermissions());
          auth.deleteAuthorization(row.getId());
          deleted++;
        } else if (row.getPermissions() != mask) {
          row.setPermissions(mask);
          auth.saveAuthorization(row);
          updated++;
        }
      }
    }
    for (Map.Entry<Grants.Key, Integer> e : missing.entrySet()) {
      AuthorizationEntity row = (AuthorizationEntity) auth.createNewAuthorization(AUTH_TYPE_GRANT);
      row.setGroupId(e.getKey().groupId());
      row.setResourceType(e.getKey().resourceType());
      row.setResourceId(e.getKey().resourceId());
      row.setPermissions(e.getValue());
      auth.saveAuthorization(row);
      created++;
    }
    return new Changes(created, updated, deleted, narrowed);
  }

  /** A grant on one task, as the engine makes for a task's candidate group when the task is created. */
  private static boolean isEnginesTaskGrant(AuthorizationEntity row) {
    return row.getResourceType() == Resources.TASK.resourceType() && !ANY.equals(row.getResourceId());
  }
}
