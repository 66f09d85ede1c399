package org.acopi.local;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.acopi.local.loader.AcoYear;
import org.acopi.local.loader.Dataset;
import org.acopi.local.loader.DatasetProducer;
import org.acopi.local.loader.LoadProblem;
import org.apache.kafka.clients.admin.Admin;
import tools.jackson.databind.JsonNode;

/**
 * The local stack on the embedded default (design.md §7), one command: a real KRaft Kafka broker in a child JVM,
 * stock mongo-java-server with its H2 file backend in a child JVM, the topics, the three services as child JVMs, the bundled
 * sample dataset (or {@code --data DIR}) loaded once, and the public report of every ACO/PY of the dataset printed when
 * the pipeline has caught up. Then it serves until Ctrl-C, or with {@code --once} prints the reports as JSON on stdout
 * and stops. Data persist under the stack home between runs; {@code --clean} wipes them. Also {@code load} (produce a
 * dataset to a running Kafka) and {@code validate} (parse only). Started by {@code deploy/local/run.sh}.
 */
public final class LocalStack {

    private static final Duration BROKER_START = Duration.ofSeconds(120);
    private static final Duration SERVICES_START = Duration.ofSeconds(420);
    private static final Duration CATCH_UP = Duration.ofSeconds(420);
    private static final Duration REPORTS_SETTLE = Duration.ofSeconds(180);
    static final List<Integer> PORTS = List.of(KafkaBroker.BROKER_PORT, KafkaBroker.CONTROLLER_PORT,
            EmbeddedMongo.PORT, 8081, 8082, 8083);

    private final Options options;
    private final Path repo;
    private final StackHome home;
    private final String javaCommand = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    private EmbeddedMongo mongo;
    private final ServiceFleet services = new ServiceFleet();
    private KafkaBroker broker;
    private boolean stopped;

    private LocalStack(Options options, Path repo) {
        this.options = options;
        this.repo = repo;
        this.home = new StackHome(options.home() != null ? options.home() : repo.resolve(".acopi-local"));
    }

    public static void main(String[] args) {
        Options options;
        try {
            options = Options.parse(Arrays.asList(args));
        } catch (IllegalArgumentException e) {
            System.err.println("acopi: " + e.getMessage());
            System.err.print(Options.USAGE);
            System.exit(2);
            return;
        }
        int exit;
        try {
            if (options.help()) {
                System.err.print(Options.USAGE);
                exit = 0;
            } else {
                exit = switch (options.command()) {
                    case "load" -> load(options);
                    case "validate" -> validate(options);
                    default -> new LocalStack(options, repoRoot()).run();
                };
            }
        } catch (RuntimeException e) {
            System.err.println("acopi: " + e.getMessage());
            exit = 1;
        }
        System.exit(exit);
    }

    private int run() {
        Dataset dataset = parse(options.data() != null ? options.data() : repo.resolve("deploy/local/sample"));
        if (dataset.events().isEmpty()) {
            throw new IllegalStateException("the dataset " + dataset.directory() + " has no loadable events");
        }
        for (Service service : options.noServices() ? List.<Service>of() : Service.ALL) {
            if (service.execJar(repo).isEmpty()) {
                throw new IllegalStateException(service.name() + " is not built (no *-exec.jar in "
                        + repo.resolve(service.name()).resolve("target") + "); run deploy/local/run.sh, which builds it");
            }
        }
        List<Integer> busy = PORTS.stream().filter(port -> !free(port))
                .filter(port -> !options.noServices() || port < 8081 || port > 8083).toList();
        if (!busy.isEmpty()) {
            throw new IllegalStateException("port(s) " + busy + " already in use. The local stack needs 9092/9093 (Kafka), "
                    + "27017 (MongoDB) and 8081-8083 (services): stop whatever uses them (another local stack, a Kafka "
                    + "or MongoDB server; see 'ss -ltnp') and try again");
        }
        if (options.clean()) {
            Progress.info("--clean: deleting " + home.root());
            home.wipe();
        }
        home.create();
        Runtime.getRuntime().addShutdownHook(new Thread(this::stop, "acopi-local-stop"));

        Progress.info("stack home " + home.root() + " (logs in " + home.root().resolve("logs") + ")");
        mongo = new EmbeddedMongo(home, javaCommand, System.getProperty("java.class.path"));
        mongo.start();
        Progress.info("MongoDB (mongo-java-server, H2 file " + home.mongoFile() + ") on " + EmbeddedMongo.URI);
        broker = new KafkaBroker(home, javaCommand, System.getProperty("java.class.path"));
        broker.start(BROKER_START);
        Progress.info("Kafka (KRaft) on " + KafkaBroker.BOOTSTRAP);
        try (Admin admin = KafkaBroker.admin(KafkaBroker.BOOTSTRAP)) {
            int created = TopicSetup.createMissing(admin);
            Progress.info(created == 0 ? "topics present" : "created " + created + " topics");
            if (options.noServices()) {
                loadIfNeeded(dataset);
                if (options.once()) {
                    stop();
                    return 0;
                }
                System.out.println("Kafka " + KafkaBroker.BOOTSTRAP + " and MongoDB " + EmbeddedMongo.URI
                        + " are up (no services). Press Ctrl-C to stop.");
                System.out.flush();
                serve();
            }

            services.start(repo, home, javaCommand);
            Progress.info("starting " + Service.ALL.stream().map(Service::name).toList());
            loadIfNeeded(dataset);
            services.awaitHealthy(SERVICES_START);

            Progress.info("waiting for the pipeline to catch up");
            PipelineWatch watch = new PipelineWatch(admin, Service.allConsumerGroups());
            if (!watch.awaitCaughtUp(CATCH_UP)) {
                Progress.warn("the pipeline has not caught up within " + CATCH_UP.toSeconds() + " s ("
                        + watch.lag().describe() + "); the reports may be incomplete");
            }
        }
        PublicReports reports = new PublicReports(Service.REPORTING.baseUrl());
        List<AcoYear> acoYears = dataset.acoYears();
        Map<AcoYear, JsonNode> printed = reports.awaitStable(acoYears, REPORTS_SETTLE);
        List<AcoYear> missing = acoYears.stream().filter(a -> !printed.containsKey(a)).toList();
        if (!missing.isEmpty()) {
            Progress.warn("no public report for " + missing + " (see " + home.log(Service.REPORTING.name()) + ")");
        }
        if (options.once()) {
            PublicReports.printJson(printed, System.out);
            stop();
            return missing.isEmpty() ? 0 : 1;
        }
        PrintStream out = System.out;
        reports.printTable(acoYears, printed, out);
        out.println();
        out.println("Operations console: " + Service.REPORTING.baseUrl() + "/console (public-reporting pages, open to anyone: "
                + Service.REPORTING.baseUrl() + "/acos/{acoId}/public-reporting/{py})");
        LocalCredentials.loadOrCreate(home).howToUse(home, Service.REPORTING.baseUrl() + "/console").forEach(out::println);
        out.println("Serving. Actuator: " + Service.ALL.stream().map(s -> s.baseUrl() + "/actuator/health").toList());
        out.println("Kafka " + KafkaBroker.BOOTSTRAP + ", MongoDB " + EmbeddedMongo.URI + ", data and logs in " + home.root());
        out.println("Load another dataset: deploy/local/run.sh load --data DIR. Press Ctrl-C to stop.");
        out.flush();
        serve();
        return 0;
    }

    private void loadIfNeeded(Dataset dataset) {
        boolean sample = options.data() == null;
        if (sample && !options.reload() && dataset.digest().equals(readMarker())) {
            Progress.info("the sample dataset was loaded before (use --reload to load it again)");
            return;
        }
        try (DatasetProducer producer = new DatasetProducer(KafkaBroker.BOOTSTRAP)) {
            Map<String, Integer> counts = producer.send(dataset);
            Progress.info("loaded " + dataset.directory() + ": " + counts);
        }
        if (sample) {
            try {
                Files.writeString(home.sampleMarker(), dataset.digest() + "\n", StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private String readMarker() {
        try {
            return Files.exists(home.sampleMarker()) ? Files.readString(home.sampleMarker()).strip() : "";
        } catch (IOException e) {
            return "";
        }
    }

    private void serve() {
        List<String> reported = new ArrayList<>();
        while (true) {
            Sleeps.pause(Duration.ofSeconds(5));
            for (Service service : services.exited()) {
                if (!reported.contains(service.name())) {
                    reported.add(service.name());
                    Progress.warn(service.name() + " has stopped; see " + services.process(service).log());
                }
            }
            if (broker.process() != null && !broker.process().alive() && !reported.contains("kafka")) {
                reported.add("kafka");
                Progress.warn("Kafka has stopped; see " + home.log("kafka"));
            }
        }
    }

    private synchronized void stop() {
        if (stopped) {
            return;
        }
        stopped = true;
        Progress.info("stopping the services, then Kafka and MongoDB");
        try {
            services.stop();
        } finally {
            try {
                if (broker != null) {
                    broker.stop();
                }
            } finally {
                if (mongo != null) {
                    mongo.stop();
                }
            }
        }
        Progress.info("stopped; data kept in " + home.root());
    }

    private static int load(Options options) {
        Dataset dataset = parse(options.data());
        if (dataset.events().isEmpty()) {
            System.err.println("acopi: nothing to load from " + dataset.directory());
            return 1;
        }
        try (DatasetProducer producer = new DatasetProducer(options.bootstrap())) {
            Map<String, Integer> counts = producer.send(dataset);
            Progress.info("loaded " + dataset.directory() + " to " + options.bootstrap() + ": " + counts);
        }
        return dataset.problems().isEmpty() ? 0 : 3;
    }

    private static int validate(Options options) {
        Dataset dataset = parse(options.data());
        Progress.info(dataset.events().size() + " events " + dataset.countsByTopic() + ", ACO/PYs " + dataset.acoYears());
        return dataset.problems().isEmpty() ? 0 : 3;
    }

    private static Dataset parse(Path directory) {
        Dataset dataset = Dataset.parse(directory);
        if (!dataset.problems().isEmpty()) {
            Progress.warn(dataset.problems().size() + " row(s) of " + directory + " not loaded:");
            for (LoadProblem problem : dataset.problems()) {
                System.err.println("  " + problem);
            }
        }
        return dataset;
    }

    static boolean free(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    static Path repoRoot() {
        String configured = System.getProperty("acopi.repo");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("deploy/local/pom.xml"))) {
                return dir;
            }
        }
        throw new IllegalStateException("cannot find the acopi repository; run from inside it or set -Dacopi.repo");
    }
}
