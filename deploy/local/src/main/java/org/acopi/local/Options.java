package org.acopi.local;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/** The launcher's command line: a command ({@code run}, {@code load}, {@code validate}) and its flags. */
record Options(String command, boolean once, Path data, boolean reload, boolean clean, Path home, String bootstrap,
               boolean noServices, boolean help) {

    static final String USAGE = """
            Usage: deploy/local/run.sh [run] [--once] [--data DIR] [--reload] [--clean] [--home DIR] [--no-services]
                   deploy/local/run.sh load --data DIR [--bootstrap HOST:PORT]
                   deploy/local/run.sh validate --data DIR

              run        start Kafka, MongoDB and the three services, load a dataset, print its public reports and
                         keep serving until Ctrl-C (the default command)
                --once     print the reports as JSON on stdout, stop everything and exit
                --data DIR load this dataset instead of the bundled sample (deploy/local/sample)
                --reload   load the sample again even if it was loaded before
                --clean    delete the stack's data (Kafka log, MongoDB file, service state, logs) first
                --home DIR where the stack keeps its data (default <repo>/.acopi-local)
                --no-services  start only Kafka and MongoDB (and load the dataset), e.g. to run services from an IDE
              load       produce a dataset to a running Kafka (default bootstrap localhost:9092)
              validate   parse a dataset and list its bad rows, without Kafka
            """;

    static Options parse(List<String> args) {
        Deque<String> rest = new ArrayDeque<>(args);
        String command = "run";
        if (!rest.isEmpty() && !rest.peekFirst().startsWith("-")) {
            command = rest.removeFirst();
            if (!List.of("run", "load", "validate").contains(command)) {
                throw new IllegalArgumentException("unknown command '" + command + "'");
            }
        }
        boolean once = false;
        boolean reload = false;
        boolean clean = false;
        boolean help = false;
        boolean noServices = false;
        Path data = null;
        Path home = null;
        String bootstrap = "localhost:9092";
        while (!rest.isEmpty()) {
            String flag = rest.removeFirst();
            switch (flag) {
                case "--once" -> once = true;
                case "--reload" -> reload = true;
                case "--clean" -> clean = true;
                case "--no-services" -> noServices = true;
                case "--data" -> data = Path.of(value(flag, rest)).toAbsolutePath().normalize();
                case "--home" -> home = Path.of(value(flag, rest)).toAbsolutePath().normalize();
                case "--bootstrap" -> bootstrap = value(flag, rest);
                case "-h", "--help" -> help = true;
                default -> throw new IllegalArgumentException("unknown option '" + flag + "'");
            }
        }
        if (!help && !command.equals("run") && data == null) {
            throw new IllegalArgumentException(command + " needs --data DIR");
        }
        return new Options(command, once, data, reload, clean, home, bootstrap, noServices, help);
    }

    static String value(String flag, Deque<String> rest) {
        if (rest.isEmpty() || rest.peekFirst().startsWith("--")) {
            throw new IllegalArgumentException(flag + " needs a value");
        }
        return rest.removeFirst();
    }
}
