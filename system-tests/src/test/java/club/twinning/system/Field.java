package club.twinning.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Random;

/** A field of a request body, and the values that make it invalid for certain. */
record Field(String path, Kind kind, boolean required) {

    enum Kind { TEXT, ENUM, DATE, INT, UUID, LIST, OBJECT, EMAIL }

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    static Field required(String path, Kind kind) {
        return new Field(path, kind, true);
    }

    static Field optional(String path, Kind kind) {
        return new Field(path, kind, false);
    }

    /** A value no validator may accept here; null means "leave the field out". */
    JsonNode invalid(Random random) {
        List<JsonNode> choices = switch (kind) {
            case TEXT -> List.of(NODES.textNode(Hostile.huge(random)), NODES.objectNode(), NODES.arrayNode());
            case ENUM -> List.of(NODES.textNode("NOT_A_" + path.toUpperCase()), NODES.textNode("approve"),
                    NODES.textNode(Hostile.string(random) + "X"), NODES.objectNode(), NODES.arrayNode());
            case DATE -> List.of(NODES.textNode("2026-02-30"), NODES.textNode("yesterday"), NODES.textNode("26/11/2026"),
                    NODES.textNode("2026-13-01"), NODES.arrayNode(), NODES.objectNode());
            case INT -> List.of(NODES.numberNode(-1), NODES.numberNode(Integer.MIN_VALUE), NODES.numberNode(1_000_000),
                    NODES.numberNode(new java.math.BigInteger("99999999999999999999999")), NODES.textNode("three"),
                    NODES.objectNode());
            case UUID -> List.of(NODES.textNode("not-a-uuid"), NODES.textNode("' OR 1=1 --"), NODES.numberNode(42),
                    NODES.textNode("00000000-0000-0000-0000-00000000000G"), NODES.arrayNode());
            case LIST -> List.of(NODES.textNode("x"), NODES.objectNode(), NODES.numberNode(7));
            case OBJECT -> List.of(NODES.textNode("x"), NODES.arrayNode(), NODES.numberNode(7));
            case EMAIL -> List.of(NODES.textNode("not an email"), NODES.textNode("a@@b"), NODES.textNode(Hostile.huge(random)));
        };
        if (required && random.nextInt(3) == 0) {
            return random.nextBoolean() ? null : NODES.nullNode();
        }
        if (required && kind == Kind.TEXT && random.nextInt(3) == 0) {
            return NODES.textNode(random.nextBoolean() ? "" : "   ");
        }
        return choices.get(random.nextInt(choices.size()));
    }

    /** Sets (or, for null, removes) this field in a body, creating parents as needed. */
    void set(ObjectNode body, JsonNode value) {
        String[] parts = path.split("\\.");
        ObjectNode parent = body;
        for (int i = 0; i < parts.length - 1; i++) {
            JsonNode child = parent.get(parts[i]);
            if (!(child instanceof ObjectNode)) {
                child = parent.putObject(parts[i]);
            }
            parent = (ObjectNode) child;
        }
        String name = parts[parts.length - 1];
        if (value == null) {
            parent.remove(name);
        } else {
            parent.set(name, value);
        }
    }
}
