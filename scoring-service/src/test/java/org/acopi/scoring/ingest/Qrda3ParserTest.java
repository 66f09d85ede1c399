package org.acopi.scoring.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.acopi.events.EntityType;
import org.acopi.events.PiSubmission;
import org.acopi.scoring.rules.MeasureValue;
import org.acopi.scoring.rules.PiScore;
import org.acopi.scoring.rules.ReportedMeasure;
import org.acopi.scoring.rules.ScoringRules;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** QRDA Category III → PI submission, on CMS's samples (test resources qrda3/, CC0) and on hostile documents. */
class Qrda3ParserTest {

    private static final ScoringRules RULES = ScoringRules.fromClasspath();

    static byte[] bytes(String resource) throws IOException {
        try (InputStream in = Qrda3ParserTest.class.getResourceAsStream("/" + resource)) {
            return in.readAllBytes();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"app-2025-App1-Indv-QRDA-III", "app-2025-App1-Group-QRDA-III", "app-2025-App1-ApmEntity-Qrda-III"})
    void cmsSampleGivesTheMeasurementSetAndScoreOfItsQppJsonEquivalent(String sample) throws IOException {
        ParsedDocument qrda = Qrda3Parser.parse(sample + ".xml", bytes("qrda3/" + sample + ".xml"));
        ParsedDocument json = QppJsonParser.parseOne(sample + ".json",
                new String(bytes("qrda3/" + sample + ".json"), StandardCharsets.UTF_8));

        assertThat(qrda.allProblems()).isEmpty();
        assertThat(json.allProblems()).isEmpty();
        ParsedSubmission fromXml = qrda.submissions().get(0);
        ParsedSubmission fromJson = json.submissions().get(0);
        assertThat(fromXml.set()).isEqualTo(fromJson.set());
        PiScore xmlScore = SubmissionChecks.check(RULES, fromXml).score();
        assertThat(xmlScore).isEqualTo(SubmissionChecks.check(RULES, fromJson).score());
        assertThat(RULES.score(fromXml.set()).problems()).isEmpty();
    }

    @Test
    void individualSampleReadsEveryField() throws IOException {
        ParsedSubmission s = Qrda3Parser.parse("indv.xml", bytes("qrda3/app-2025-App1-Indv-QRDA-III.xml")).submissions().get(0);

        assertThat(s.set().entity().type()).isEqualTo(EntityType.INDIVIDUAL);
        assertThat(s.set().entity().entityId()).isEqualTo("990000099:2567891421");
        assertThat(s.set().performanceYear()).isEqualTo(2025);
        assertThat(s.set().performanceStart()).isEqualTo(LocalDate.of(2025, 1, 1));
        assertThat(s.set().performanceEnd()).isEqualTo(LocalDate.of(2025, 12, 31));
        assertThat(s.set().cehrtId()).isEqualTo("XX15CXXXXXXXXXX");
        assertThat(s.set().submissionMethod()).isEqualTo("electronicHealthRecord");
        assertThat(s.set().measurements()).containsExactly(new ReportedMeasure("PI_EP_2", MeasureValue.yes()),
                ReportedMeasure.ratio("PI_EP_1", 750, 800), ReportedMeasure.ratio("PI_PEA_1", 600, 800));
        assertThat(s.identity()).hasSize(64);
    }

    @Test
    void sameDocumentGivesTheSameEventTwice() throws IOException {
        byte[] xml = bytes("qrda3/app-2025-App1-Group-QRDA-III.xml");
        PiSubmission first = SubmissionEvents.fromFile(Qrda3Parser.parse("submissions/ehr.xml", xml).submissions().get(0),
                "submissions/ehr.xml", 0);
        PiSubmission second = SubmissionEvents.fromFile(Qrda3Parser.parse("submissions/ehr.xml", xml).submissions().get(0),
                "submissions/ehr.xml", 0);

        assertThat(second).isEqualTo(first);
        assertThat(first.getSubmitter()).isEqualTo("ehr");
        assertThat(first.getEntityType()).isEqualTo(EntityType.GROUP);
        assertThat(first.getMeasurements()).hasSize(3);
    }

    @Test
    void olderCmsTemplateExtensionAndYearAreProblemsNotCrashes() throws IOException {
        ParsedDocument document = Qrda3Parser.parse("old.xml", bytes("qrda3/app-2022-App1-ApmEntity-Qrda-III-1.xml"));

        ParsedSubmission s = document.submissions().get(0);
        assertThat(s.problems()).extracting(LocatedProblem::number).containsExactly(313, 201);
        assertThat(s.problems().get(0).location()).isEqualTo("old.xml#/ClinicalDocument/templateId[2]");
        assertThat(s.set().entity().entityId()).isEqualTo("TEST_APM");
        assertThat(s.set().measurements()).hasSize(13);
        assertThat(s.set().measurements()).contains(new ReportedMeasure("PI_HIE_5", MeasureValue.yes()));
        assertThat(s.set().measurements().get(0).value()).isInstanceOf(MeasureValue.Ratio.class);
    }

    @Test
    void cmsNegativeSampleIsRejectedByTheRules() throws IOException {
        ParsedSubmission sample = Qrda3Parser.parse("neg.xml", bytes("qrda3/negative-mipsInvalidPIMeasureIds.xml"))
                .submissions().get(0);
        assertThat(sample.problems()).as("the CMS sample's NPI fails the check digit and its period is in 2020")
                .extracting(LocatedProblem::number).containsExactly(203, 201);
        String fixed = new String(bytes("qrda3/negative-mipsInvalidPIMeasureIds.xml"), StandardCharsets.UTF_8)
                .replace("0777777777", "2567891421").replace("000777777", "990000099")
                .replace("20200201", "20250201").replace("20200531", "20250531");
        ParsedSubmission s = Qrda3Parser.parse("neg.xml", fixed.getBytes(StandardCharsets.UTF_8)).submissions().get(0);
        assertThat(s.problems()).isEmpty();

        assertThat(SubmissionChecks.check(RULES, s).problems()).as("PI_HIE_5 sent as a proportion, and with PI_HIE_1")
                .extracting(LocatedProblem::number).containsExactly(105, 102);
        assertThat(SubmissionChecks.check(RULES, s).score()).isNull();
    }

    @Test
    void xxeIsRejectedWith311AndReadsNothing() {
        String xxe = """
                <?xml version="1.0"?>
                <!DOCTYPE ClinicalDocument [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
                <ClinicalDocument xmlns="urn:hl7-org:v3"><title>&xxe;</title></ClinicalDocument>""";

        ParsedDocument document = Qrda3Parser.parse("body", xxe.getBytes(StandardCharsets.UTF_8));

        assertThat(document.submissions()).isEmpty();
        assertThat(document.problems()).extracting(LocatedProblem::code).containsExactly("INVALID_XML_DOCTYPE");
        assertThat(document.problems().get(0).message()).doesNotContain("root:");
    }

    @Test
    void billionLaughsIsRejectedWith311() {
        StringBuilder bomb = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n<!ENTITY lol \"lol\">\n");
        for (int i = 1; i <= 9; i++) {
            bomb.append("<!ENTITY lol").append(i).append(" \"");
            String previous = i == 1 ? "&lol;" : "&lol" + (i - 1) + ";";
            bomb.append(previous.repeat(10)).append("\">\n");
        }
        bomb.append("]>\n<ClinicalDocument xmlns=\"urn:hl7-org:v3\">&lol9;</ClinicalDocument>");

        ParsedDocument document = Qrda3Parser.parse("body", bomb.toString().getBytes(StandardCharsets.UTF_8));

        assertThat(document.problems()).extracting(LocatedProblem::number).containsExactly(311);
    }

    @Test
    void malformedNotQrdaAndOversizeDocumentsHaveTheirCodes() {
        assertThat(Qrda3Parser.parse("body", "<ClinicalDocument".getBytes(StandardCharsets.UTF_8)).problems())
                .extracting(LocatedProblem::number).containsExactly(310);
        assertThat(Qrda3Parser.parse("body", new byte[0]).problems()).extracting(LocatedProblem::number).containsExactly(310);
        assertThat(Qrda3Parser.parse("body", "<ClinicalDocument xmlns=\"urn:hl7-org:v3\"/>".getBytes(StandardCharsets.UTF_8))
                .problems()).extracting(LocatedProblem::number).containsExactly(312);
        assertThat(Qrda3Parser.parse("body", new byte[Qrda3Parser.MAX_DOCUMENT_BYTES + 1]).problems())
                .extracting(LocatedProblem::number).containsExactly(320);
    }

    @Test
    void brokenPiEntriesAndUnknownProgramAreLocatedProblems() throws IOException {
        String xml = new String(bytes("qrda3/app-2025-App1-Group-QRDA-III.xml"), StandardCharsets.UTF_8)
                .replace("MIPS_APP1_GROUP", "MIPS_SOMETHING")
                .replace("<value xsi:type=\"INT\" value=\"750\"/>", "<value xsi:type=\"INT\" value=\"lots\"/>")
                .replace("2.16.840.1.113883.10.20.27.1.2\" extension=\"2024-12-01\"", "2.16.840.1.113883.10.20.27.1.2\" extension=\"2031-12-01\"");

        ParsedSubmission s = Qrda3Parser.parse("g.xml", xml.getBytes(StandardCharsets.UTF_8)).submissions().get(0);

        assertThat(s.problems()).extracting(LocatedProblem::number).containsExactly(313, 316, 315);
        assertThat(s.problems().get(2).location())
                .startsWith("g.xml#/ClinicalDocument/component/structuredBody/component[")
                .endsWith("/section/entry[2]/organizer");
        assertThat(s.problems().get(2).message()).startsWith("PI_EP_1 needs a whole-number aggregate count");
    }
}
