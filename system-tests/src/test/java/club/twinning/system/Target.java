package club.twinning.system;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;

/** An operation to attack: who may call it (so that only the input is wrong), a valid body, and its fields. */
record Target(String name, String method, String url, String user, Map<String, String> headers, ObjectNode seed,
              List<Field> fields) {
}
