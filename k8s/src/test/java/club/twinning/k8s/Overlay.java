package club.twinning.k8s;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/** An overlay of k8s/ rendered by `kubectl kustomize`, as the YAML documents an operator would apply. */
record Overlay(String name, List<Map<String, Object>> documents) {

    static final Path ROOT = Path.of(System.getProperty("twinning.root", "..")).toAbsolutePath().normalize();

    static Stream<String> names() {
        return Stream.of("dev", "prod");
    }

    private static final Map<String, String> RENDERED = new java.util.concurrent.ConcurrentHashMap<>();

    /** Each call parses anew (a test may change what it gets); kustomize runs once per overlay. */
    static Overlay render(String name) {
        String yaml = RENDERED.computeIfAbsent(name, n -> kustomize(ROOT.resolve("k8s/overlays").resolve(n)));
        List<Map<String, Object>> documents = new ArrayList<>();
        for (Object doc : new Yaml(new LoaderOptions()).loadAll(yaml)) {
            if (doc != null) {
                @SuppressWarnings("unchecked")
                Map<String, Object> map = (Map<String, Object>) doc;
                documents.add(map);
            }
        }
        return new Overlay(name, documents);
    }

    List<Map<String, Object>> ofKind(String kind) {
        return ofKind(documents, kind);
    }

    static List<Map<String, Object>> ofKind(List<Map<String, Object>> documents, String kind) {
        return documents.stream().filter(d -> kind.equals(d.get("kind"))).toList();
    }

    static String kustomize(Path dir) {
        try {
            Process process = new ProcessBuilder("kubectl", "kustomize", dir.toString()).redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new AssertionError("kubectl kustomize " + dir + " failed:\n" + out);
            }
            return out;
        } catch (IOException e) {
            throw new AssertionError("kubectl is needed to render the overlays: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    @SuppressWarnings("unchecked")
    static <T> T at(Map<String, Object> doc, String... path) {
        Object node = doc;
        for (String key : path) {
            if (!(node instanceof Map<?, ?> map)) {
                return null;
            }
            node = map.get(key);
        }
        return (T) node;
    }

    static String name(Map<String, Object> doc) {
        return at(doc, "metadata", "name");
    }
}
