package org.acopi.local.loader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.acopi.eligibility.ingest.ParticipantInput;

/**
 * A parsed dataset directory: the events to produce (in file order: profiles, roster, facts, hardships, then
 * submissions by file name), the rows that could not be loaded, the ACO/PYs it covers and a digest of its files.
 * Parsing is pure: nothing here talks to Kafka (see {@link DatasetProducer}).
 *
 * <p>Layout: {@code aco-profiles.csv}, {@code roster.csv}, {@code clinician-facts.csv}, {@code hardships.csv} and
 * {@code submissions/*.json} (QPP Submissions API) or {@code submissions/*.xml} (QRDA Category III); every file is
 * optional. The formats are described in deploy/README.md; the services' own parsers read them
 * ({@link DatasetFiles}).
 */
public final class Dataset {

    private final Path directory;
    private final List<LoadEvent<?>> events;
    private final List<LoadProblem> problems;
    private final Set<AcoYear> acoYears;
    private final String digest;

    private Dataset(Path directory, DatasetBuilder built, String digest) {
        this.directory = directory;
        this.events = List.copyOf(built.events);
        this.problems = List.copyOf(built.problems);
        this.acoYears = Set.copyOf(built.acoYears);
        this.digest = digest;
    }

    public static Dataset parse(Path directory) {
        if (!Files.isDirectory(directory)) {
            throw new IllegalArgumentException("not a dataset directory: " + directory);
        }
        DatasetBuilder out = new DatasetBuilder();
        List<Path> files = new ArrayList<>();
        for (ParticipantInput input : List.of(ParticipantInput.ACO_PROFILES, ParticipantInput.ROSTER,
                ParticipantInput.FACTS, ParticipantInput.HARDSHIPS)) {
            readIfPresent(directory.resolve(input.fileName()), files, f -> DatasetFiles.participants(input, f, out));
        }
        for (Path file : submissionFiles(directory)) {
            readIfPresent(file, files, f -> DatasetFiles.submissions(f, out));
        }
        if (files.isEmpty()) {
            out.problem(new LoadProblem(directory.toString(), 0, "no dataset files (aco-profiles.csv, roster.csv, "
                    + "clinician-facts.csv, hardships.csv, submissions/*.json or *.xml)"));
        }
        return new Dataset(directory, out, digest(directory, files));
    }

    public Path directory() {
        return directory;
    }

    public List<LoadEvent<?>> events() {
        return events;
    }

    public List<LoadProblem> problems() {
        return problems;
    }

    /** The ACO/PYs named by the profiles and roster, sorted. */
    public List<AcoYear> acoYears() {
        return acoYears.stream().sorted().toList();
    }

    /** SHA-256 over the dataset's files (names and bytes): equal digests mean the same events. */
    public String digest() {
        return digest;
    }

    /** Events per topic name, in catalogue order of first appearance. */
    public Map<String, Integer> countsByTopic() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        events.forEach(e -> counts.merge(e.topic().name(), 1, Integer::sum));
        return counts;
    }

    private interface FileReader {
        void read(Path file);
    }

    private static void readIfPresent(Path file, List<Path> files, FileReader reader) {
        if (Files.isRegularFile(file)) {
            files.add(file);
            reader.read(file);
        }
    }

    private static List<Path> submissionFiles(Path directory) {
        Path folder = directory.resolve(DatasetFiles.SUBMISSIONS);
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> list = Files.list(folder)) {
            return list.filter(p -> {
                String name = p.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
                return name.endsWith(".json") || name.endsWith(".xml");
            }).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String digest(Path directory, List<Path> files) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (Path file : files) {
                sha.update(directory.relativize(file).toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                sha.update((byte) 0);
                sha.update(Files.readAllBytes(file));
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
