package org.acopi.local.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.acopi.contracts.Identifiers;
import org.acopi.events.ClinicianFacts;
import org.acopi.events.EntityType;
import org.acopi.events.PiSubmission;
import org.acopi.events.RosterEntry;
import org.acopi.local.loader.Dataset;
import org.acopi.local.loader.LoadEvent;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ProgramGeneratorTest {

    private static final Path SAMPLE = Path.of("sample");
    private static final List<PiSubmission> TEMPLATES = ProgramGenerator.sampleTemplates(SAMPLE);

    @Test
    void theReferencePipelineReproducesTheSamplesHandDerivedReport() throws Exception {
        ReferencePipeline reference = new ReferencePipeline(0);
        Dataset.parse(SAMPLE).events().forEach(reference::accept);
        List<ExpectedReport> reports = reference.finishAll();

        JsonNode handDerived = JsonMapper.builder().build().readTree(Files.readString(SAMPLE.resolve("expected-public-report.json")));
        assertThat(reports).hasSize(1);
        assertThat(ReportCheck.differences(reports.get(0), handDerived)).isEmpty();
    }

    @Test
    void theSameSeedGivesTheSameProgramAndAnotherSeedAnotherOne() throws Exception {
        Generated first = generate(new ProgramSpec(3, 6, 8, 2026, 7));
        Generated again = generate(new ProgramSpec(3, 6, 8, 2026, 7));
        Generated other = generate(new ProgramSpec(3, 6, 8, 2026, 8));

        assertThat(again.digest).isEqualTo(first.digest);
        assertThat(again.expected).isEqualTo(first.expected);
        assertThat(other.digest).isNotEqualTo(first.digest);
    }

    @Test
    void everyIdentifierIsValidAndTheExpectationCoversEveryRosteredClinician() throws Exception {
        Generated program = generate(new ProgramSpec(3, 20, 10, 2026, 11));

        long clinicians = program.events.stream().filter(e -> e.value() instanceof ClinicianFacts).count();
        assertThat(program.expected).hasSize(3);
        assertThat(program.expected.stream().mapToInt(ExpectedReport::clinicians).sum()).isEqualTo((int) clinicians);
        assertThat(clinicians).isBetween(3 * 20 * 6L, 3 * 20 * 14L);
        for (LoadEvent<?> event : program.events) {
            if (event.value() instanceof RosterEntry r) {
                assertThat(Identifiers.isTin(r.getTin())).isTrue();
                assertThat(Identifiers.isNpi(r.getNpi())).as(r.getNpi()).isTrue();
            }
        }
        long groups = program.events.stream()
                .filter(e -> e.value() instanceof PiSubmission s && s.getEntityType() == EntityType.GROUP).map(e -> e.key()).distinct().count();
        assertThat(groups).isEqualTo(3 * 20);
        List<String> virtualGroupMembers = program.events.stream()
                .filter(e -> e.value() instanceof ClinicianFacts f && f.getVirtualGroupId() != null).map(LoadEvent::key).toList();
        long virtualGroupSubmissions = program.events.stream()
                .filter(e -> e.value() instanceof PiSubmission s && s.getEntityType() == EntityType.VIRTUAL_GROUP).count();
        assertThat(virtualGroupMembers).isNotEmpty();
        assertThat(virtualGroupSubmissions).isPositive();
        ExpectedReport first = program.expected.get(0);
        assertThat(first.providersSuppliers().earnedPiScore()).isPositive();
        assertThat(first.providersSuppliers().excluded()).isPositive();
        assertThat(first.providersSuppliers().requiredNotScored()).isPositive();
        assertThat(first.providersSuppliers().activeRoster())
                .isEqualTo(first.providersSuppliers().required() + first.providersSuppliers().excluded());
        assertThat(first.probeTargets()).isNotEmpty();
    }

    private static Generated generate(ProgramSpec spec) throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        Generated out = new Generated();
        new ProgramGenerator(spec, TEMPLATES, 5).generate(event -> {
            out.events.add(event);
            sha.update(event.key().getBytes());
            sha.update(serialize(event));
        }, out.expected::add);
        out.digest = HexFormat.of().formatHex(sha.digest());
        return out;
    }

    private static <V> byte[] serialize(LoadEvent<V> event) {
        return event.topic().valueSerde().serializer().serialize(event.topic().name(), event.value());
    }

    private static final class Generated {
        final List<LoadEvent<?>> events = new ArrayList<>();
        final List<ExpectedReport> expected = new ArrayList<>();
        String digest;
    }
}
