package ir.payam.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The fields a Camunda Form (form-js schema, camunda:formRef) asks for: each field's key, and for a
 * field with a fixed list of choices (radio, select, checklist, taglist) the values it offers.
 * Fields inside groups count; text and other components without a key do not.
 */
record TaskFormFields(Map<String, Set<String>> choicesByKey) {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** A form that is no form-js schema (an embedded HTML form, say) has no fields we know: it takes none. */
  static TaskFormFields read(InputStream form) throws IOException {
    Map<String, Set<String>> fields = new LinkedHashMap<>();
    JsonNode root;
    try {
      root = JSON.readTree(form);
    } catch (JsonProcessingException e) {
      return new TaskFormFields(fields);
    }
    if (root != null) collect(root.path("components"), fields);
    return new TaskFormFields(fields);
  }

  private static void collect(JsonNode components, Map<String, Set<String>> fields) {
    if (!components.isArray()) return;
    for (JsonNode c : components) {
      if (c.path("components").isArray()) collect(c.path("components"), fields);
      String key = c.path("key").asText("");
      if (key.isEmpty()) continue;
      Set<String> choices = null;
      if (c.path("values").isArray()) {
        choices = new HashSet<>();
        for (JsonNode v : c.path("values")) choices.add(v.path("value").asText());
      }
      fields.put(key, choices);
    }
  }

  boolean hasField(String key) {
    return choicesByKey.containsKey(key);
  }

  /** null when the field takes any value of its type (no fixed list in the form). */
  Set<String> choices(String key) {
    return choicesByKey.get(key);
  }
}
