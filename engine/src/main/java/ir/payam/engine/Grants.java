package ir.payam.engine;

import java.util.LinkedHashMap;
import java.util.Map;
import org.operaton.bpm.engine.authorization.Permission;
import org.operaton.bpm.engine.authorization.Resource;

/** The grants the code makes: per group, resource and resource id, the union of the permissions given. */
final class Grants {
  record Key(String groupId, int resourceType, String resourceId) {}

  private final Map<Key, Integer> masks = new LinkedHashMap<>();

  void add(String groupId, Resource resource, String resourceId, Permission... permissions) {
    int mask = 0;
    for (Permission p : permissions) mask |= p.getValue();
    masks.merge(new Key(groupId, resource.resourceType(), resourceId), mask, (a, b) -> a | b);
  }

  Map<Key, Integer> masks() {
    return masks;
  }
}
