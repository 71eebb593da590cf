package club.twinning.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Layers run one way: only api/ knows HTTP. No class in service/ or domain/ names an api/ type (by import or fully
 * qualified); services take their inputs and an expected version, never a request body type or the If-Match header.
 * Reads the sources, so it needs no Quarkus and runs in a second.
 */
class LayersTest {

    private static final Path ROOT = Path.of("src/main/java/club/twinning/registry");

    @Test
    void serviceAndDomainNameNoApiType() throws IOException {
        List<String> offences = new ArrayList<>();
        int read = 0;
        for (String layer : List.of("service", "domain")) {
            try (Stream<Path> files = Files.walk(ROOT.resolve(layer))) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    read++;
                    List<String> lines = Files.readAllLines(file);
                    for (int i = 0; i < lines.size(); i++) {
                        if (lines.get(i).contains("club.twinning.registry.api.")) {
                            offences.add(ROOT.relativize(file) + ":" + (i + 1) + ": " + lines.get(i).trim());
                        }
                    }
                }
            }
        }
        assertTrue(read > 10, "the sources were found (" + read + " read)");
        assertEquals(List.of(), offences);
    }
}
