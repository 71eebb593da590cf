package club.twinning.system.drill;

import java.nio.file.Files;
import java.nio.file.Path;

/** The faults themselves: processes of ./twinning stopped by their PID files, and ./twinning up to heal. */
final class Processes {

    private static final Path STATE = Path.of(System.getenv().getOrDefault("TWINNING_HOME", ".twinning"));

    private Processes() {
    }

    static void stop(String name, String signal) throws Exception {
        String pid = Files.readString(STATE.resolve("run/" + name + ".pid")).trim();
        exec("kill", "-" + signal, "--", "-" + pid); // its whole process group, as ./twinning started it
        for (int i = 0; i < 60 && exec("kill", "-0", pid) == 0; i++) {
            Thread.sleep(500);
        }
    }

    /** A fast shutdown (SIGINT): open transactions are rolled back, clients are cut off. */
    static void stopPostgres() throws Exception {
        String pid = Files.readAllLines(STATE.resolve("postgres/data/postmaster.pid")).get(0).trim();
        exec("kill", "-INT", pid);
        for (int i = 0; i < 60 && exec("kill", "-0", pid) == 0; i++) {
            Thread.sleep(500);
        }
    }

    /** Starts whatever is not running, as a person would. */
    static void up() throws Exception {
        Path log = STATE.resolve("logs/drill-up.log");
        int code = new ProcessBuilder("./twinning", "up").redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start().waitFor();
        if (code != 0) {
            throw new IllegalStateException("./twinning up failed; read " + log);
        }
    }

    private static int exec(String... command) throws Exception {
        return new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD).start().waitFor();
    }
}
