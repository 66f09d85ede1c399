package org.acopi.scoring.ingest;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.namespace.NamespaceContext;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathExpressionException;
import javax.xml.xpath.XPathFactory;
import org.acopi.contracts.Identifiers;
import org.acopi.events.EntityType;
import org.acopi.scoring.rules.MeasureValue;
import org.acopi.scoring.rules.PiMeasurementSet;
import org.acopi.scoring.rules.ProblemCode;
import org.acopi.scoring.rules.ReportedMeasure;
import org.acopi.scoring.rules.SubmittingEntity;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Reads the Promoting Interoperability category of a QRDA Category III document (HL7 QRDA III R1 with the CMS QRDA
 * III Implementation Guide of the PY) into a PI submission, like CMS's conversion to the QPP Submissions API: the
 * CMS report template ({@code 2.16.840.1.113883.10.20.27.1.2}, extensions in {@code ingest/qrda3.json}), the program
 * of the information recipient (its QPP entity type), the performer's TIN/NPI, virtual group or APM entity id, the
 * CEHRT ID, the PI section ({@code …27.2.5}) with its reporting parameters act ({@code 2.16.840.1.113883.10.20.17.3.8},
 * the performance period and so the PY), numerator/denominator measures ({@code …27.3.28}: the aggregate counts
 * {@code …27.3.3} of the numerator {@code …27.3.31} and denominator {@code …27.3.32}) and measures performed
 * ({@code …27.3.29} with {@code …27.3.27}, Y/N). The JDK parser runs with DTDs, external entities and XInclude
 * disabled, secure processing on and a size limit, so XXE and entity-expansion bombs are problem 311, not work.
 * Problems carry an XPath into the document; nothing is thrown on bad input.
 */
public final class Qrda3Parser {

    public static final int MAX_DOCUMENT_BYTES = 16 * 1024 * 1024;

    private static final String HL7 = "urn:hl7-org:v3";
    private static final String QRDA3_REPORT = "2.16.840.1.113883.10.20.27.1.1";
    private static final String PI_SECTION = "2.16.840.1.113883.10.20.27.2.5";
    private static final String REPORTING_PARAMETERS = "2.16.840.1.113883.10.20.17.3.8";
    private static final String NUMERATOR_DENOMINATOR_MEASURE = "2.16.840.1.113883.10.20.27.3.28";
    private static final String MEASURE_PERFORMED_REFERENCE = "2.16.840.1.113883.10.20.27.3.29";
    private static final String MEASURE_PERFORMED = "2.16.840.1.113883.10.20.27.3.27";
    private static final String NUMERATOR = "2.16.840.1.113883.10.20.27.3.31";
    private static final String DENOMINATOR = "2.16.840.1.113883.10.20.27.3.32";
    private static final String AGGREGATE_COUNT = "2.16.840.1.113883.10.20.27.3.3";
    private static final DateTimeFormatter HL7_DATE = DateTimeFormatter.BASIC_ISO_DATE;

    private final Qrda3Format format;
    private final String source;
    private final XPath xpath;
    private final List<LocatedProblem> problems = new ArrayList<>();

    private Qrda3Parser(Qrda3Format format, String source) {
        this.format = format;
        this.source = source;
        this.xpath = XPathFactory.newInstance().newXPath();
        this.xpath.setNamespaceContext(new Hl7Namespace());
    }

    /** Parses one QRDA III document; {@code source} (a file name, or {@code body}) starts every problem location. */
    public static ParsedDocument parse(String source, byte[] xml) {
        return new Qrda3Parser(Qrda3Format.CLASSPATH, source).read(xml);
    }

    private ParsedDocument read(byte[] xml) {
        if (xml == null || xml.length == 0) {
            return ParsedDocument.failed(LocatedProblem.of(ProblemCode.NOT_XML, "the document is empty", source));
        }
        if (xml.length > MAX_DOCUMENT_BYTES) {
            return ParsedDocument.failed(LocatedProblem.of(ProblemCode.PAYLOAD_TOO_LARGE,
                    "the document has " + xml.length + " bytes; at most " + MAX_DOCUMENT_BYTES + " are read", source));
        }
        Document document;
        try {
            document = secureBuilder().parse(new InputSource(new ByteArrayInputStream(xml)));
        } catch (SAXParseException e) {
            return ParsedDocument.failed(saxProblem(e, source + ":" + e.getLineNumber() + ":" + e.getColumnNumber()));
        } catch (SAXException e) {
            return ParsedDocument.failed(saxProblem(e, source));
        } catch (IOException e) {
            return ParsedDocument.failed(LocatedProblem.of(ProblemCode.NOT_XML, "the document cannot be read: " + e.getMessage(), source));
        }
        try {
            return document(document.getDocumentElement(), xml);
        } catch (XPathExpressionException e) {
            throw new IllegalStateException("a QRDA III XPath of acopi does not compile", e);
        }
    }

    private static LocatedProblem saxProblem(SAXException e, String location) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        if (message.contains("DOCTYPE")) {
            return LocatedProblem.of(ProblemCode.XML_DOCTYPE, "DOCTYPE, DTDs and entity declarations are not accepted: "
                    + "send the QRDA III document without them", location);
        }
        return LocatedProblem.of(ProblemCode.NOT_XML, "the document is not well-formed XML: " + message, location);
    }

    private ParsedDocument document(Element root, byte[] xml) throws XPathExpressionException {
        String rootPath = source + "#/" + root.getLocalName();
        if (!HL7.equals(root.getNamespaceURI()) || !"ClinicalDocument".equals(root.getLocalName())
                || nodes(root, "h:templateId[@root='" + QRDA3_REPORT + "']").isEmpty()) {
            return ParsedDocument.failed(LocatedProblem.of(ProblemCode.NOT_QRDA3, "the root is not an HL7 ClinicalDocument "
                    + "with the QRDA Category III report template " + QRDA3_REPORT, rootPath));
        }
        cmsTemplate(root);
        SubmittingEntity entity = entity(root);
        String cehrt = text(root, "h:participant/h:associatedEntity/h:id[@root='" + format.root("cehrt") + "']/@extension");
        List<Element> sections = nodes(root, "h:component/h:structuredBody/h:component/h:section[h:templateId/@root='"
                + PI_SECTION + "']");
        LocalDate start = null;
        LocalDate end = null;
        List<ReportedMeasure> measures = new ArrayList<>();
        if (sections.isEmpty()) {
            problem(ProblemCode.QRDA3_NO_PI_SECTION, "no section with the Promoting Interoperability template " + PI_SECTION,
                    root);
        } else {
            if (sections.size() > 1) {
                problem(ProblemCode.SEVERAL_PI_MEASUREMENT_SETS, sections.size()
                        + " Promoting Interoperability sections; send one per document", sections.get(1));
            }
            Element section = sections.get(0);
            Element period = first(section, "h:entry/h:act[h:templateId/@root='" + REPORTING_PARAMETERS + "']/h:effectiveTime");
            start = date(period, "h:low/@value");
            end = date(period, "h:high/@value");
            if (start == null || end == null) {
                problem(ProblemCode.QRDA3_PERIOD, "the reporting parameters act (" + REPORTING_PARAMETERS
                        + ") needs effectiveTime low and high as YYYYMMDD", period == null ? section : period);
            }
            for (Element organizer : nodes(section, "h:entry/h:organizer")) {
                ReportedMeasure measure = measure(organizer);
                if (measure != null) {
                    measures.add(measure);
                }
            }
        }
        int performanceYear = start == null ? 0 : start.getYear();
        if (start != null && !Identifiers.isSupportedYear(performanceYear)) {
            problem(ProblemCode.PERFORMANCE_YEAR_UNSUPPORTED, "the performance period starts in " + performanceYear
                    + ", not a supported performance year " + Identifiers.supportedYears(), sections.get(0));
        }
        PiMeasurementSet set = new PiMeasurementSet(entity, performanceYear, format.submissionMethod(), start, end, cehrt,
                measures);
        ParsedSubmission submission = new ParsedSubmission(set, null, null, null, false, sha256(xml), rootPath, problems);
        return new ParsedDocument(List.of(submission), List.of());
    }

    private void cmsTemplate(Element root) throws XPathExpressionException {
        Element template = first(root, "h:templateId[@root='" + format.cmsTemplateRoot() + "']");
        if (template == null) {
            problem(ProblemCode.QRDA3_TEMPLATE_UNKNOWN, "no CMS QRDA III report template " + format.cmsTemplateRoot()
                    + " (expected extension " + String.join(" or ", format.extensions().keySet()) + ")", root);
        } else if (!format.extensions().containsKey(template.getAttribute("extension"))) {
            problem(ProblemCode.QRDA3_TEMPLATE_UNKNOWN, "CMS QRDA III report template extension '"
                    + template.getAttribute("extension") + "' is not one acopi reads ("
                    + String.join(", ", format.extensions().keySet()) + ")", template);
        }
    }

    private SubmittingEntity entity(Element root) throws XPathExpressionException {
        Element programId = first(root, "h:informationRecipient/h:intendedRecipient/h:id[@root='" + format.root("program") + "']");
        String program = programId == null ? null : programId.getAttribute("extension");
        EntityType type = program == null ? null : format.programs().get(program);
        if (type == null) {
            problem(ProblemCode.QRDA3_PROGRAM, program == null ? "no program (informationRecipient id "
                    + format.root("program") + ")" : "program '" + program + "' is not one of " + format.programs().keySet(),
                    programId == null ? root : programId);
            return null;
        }
        String performers = "h:documentationOf/h:serviceEvent/h:performer/h:assignedEntity";
        String organization = "h:representedOrganization/h:id[@root='%s']/@extension";
        SubmittingEntity entity = switch (type) {
            case INDIVIDUAL -> {
                Element clinician = first(root, performers + "[h:id/@root='" + format.root("npi") + "']");
                yield SubmittingEntity.individual(
                        clinician == null ? null : text(clinician, organization.formatted(format.root("tin"))),
                        clinician == null ? null : text(clinician, "h:id[@root='" + format.root("npi") + "']/@extension"));
            }
            case GROUP -> SubmittingEntity.group(text(root, performers + "/" + organization.formatted(format.root("tin"))));
            case VIRTUAL_GROUP -> SubmittingEntity.virtualGroup(
                    text(root, performers + "/" + organization.formatted(format.root("virtualGroup"))));
            case APM_ENTITY -> SubmittingEntity.apmEntity(
                    text(root, performers + "/" + organization.formatted(format.root("apmEntity"))));
        };
        Element at = first(root, "h:documentationOf/h:serviceEvent");
        Identity.check(entity, (code, message) -> problem(code, message, at == null ? root : at));
        return entity;
    }

    private ReportedMeasure measure(Element organizer) throws XPathExpressionException {
        String measureId = text(organizer, "h:reference/h:externalDocument/h:id[@root='" + format.root("measure") + "']/@extension");
        if (measureId == null) {
            problem(ProblemCode.QRDA3_MEASURE, "the entry names no measure (reference/externalDocument/id "
                    + format.root("measure") + ")", organizer);
            return null;
        }
        if (!nodes(organizer, "h:templateId[@root='" + NUMERATOR_DENOMINATOR_MEASURE + "']").isEmpty()) {
            Long numerator = count(organizer, NUMERATOR);
            Long denominator = count(organizer, DENOMINATOR);
            if (numerator == null || denominator == null) {
                problem(ProblemCode.QRDA3_MEASURE, measureId + " needs a whole-number aggregate count (" + AGGREGATE_COUNT
                        + ") in both its numerator and its denominator", organizer);
                return null;
            }
            return ReportedMeasure.ratio(measureId, numerator, denominator);
        }
        Element performed = first(organizer, "h:component/h:observation[h:templateId/@root='" + MEASURE_PERFORMED + "']");
        if (performed != null || !nodes(organizer, "h:templateId[@root='" + MEASURE_PERFORMED_REFERENCE + "']").isEmpty()) {
            String answer = performed == null ? null : text(performed, "h:value/@code");
            if ("Y".equals(answer) || "N".equals(answer)) {
                return new ReportedMeasure(measureId, "Y".equals(answer) ? MeasureValue.yes() : MeasureValue.no());
            }
            problem(ProblemCode.QRDA3_MEASURE, measureId + " needs a measure performed observation (" + MEASURE_PERFORMED
                    + ") whose value code is Y or N", performed == null ? organizer : performed);
            return null;
        }
        problem(ProblemCode.QRDA3_MEASURE, measureId + " is neither a PI numerator/denominator measure ("
                + NUMERATOR_DENOMINATOR_MEASURE + ") nor a PI measure performed (" + MEASURE_PERFORMED_REFERENCE + ")", organizer);
        return null;
    }

    private Long count(Element organizer, String part) throws XPathExpressionException {
        String value = text(organizer, "h:component/h:observation[h:templateId/@root='" + part
                + "']/h:entryRelationship/h:observation[h:templateId/@root='" + AGGREGATE_COUNT + "']/h:value/@value");
        if (value == null || !value.matches("\\d{1,18}")) {
            return null;
        }
        return Long.parseLong(value);
    }

    private LocalDate date(Element context, String expression) throws XPathExpressionException {
        String value = context == null ? null : text(context, expression);
        if (value == null || value.length() < 8) {
            return null;
        }
        try {
            return LocalDate.parse(value.substring(0, 8), HL7_DATE);
        } catch (DateTimeException e) {
            return null;
        }
    }

    private void problem(ProblemCode code, String message, Node at) {
        problems.add(LocatedProblem.of(code, message, source + "#" + path(at)));
    }

    /** The XPath of an element, positions given where siblings share its name. */
    static String path(Node node) {
        StringBuilder path = new StringBuilder();
        for (Node n = node; n != null && n.getNodeType() == Node.ELEMENT_NODE; n = n.getParentNode()) {
            int position = 1;
            int same = 0;
            for (Node s = n.getParentNode() == null ? null : n.getParentNode().getFirstChild(); s != null; s = s.getNextSibling()) {
                if (s.getNodeType() == Node.ELEMENT_NODE && s.getLocalName().equals(n.getLocalName())) {
                    same++;
                    if (s == n) {
                        position = same;
                    }
                }
            }
            path.insert(0, "/" + n.getLocalName() + (same > 1 ? "[" + position + "]" : ""));
        }
        return path.toString();
    }

    private List<Element> nodes(Node context, String expression) throws XPathExpressionException {
        NodeList list = (NodeList) xpath.evaluate(expression, context, XPathConstants.NODESET);
        List<Element> elements = new ArrayList<>(list.getLength());
        for (int i = 0; i < list.getLength(); i++) {
            elements.add((Element) list.item(i));
        }
        return elements;
    }

    private Element first(Node context, String expression) throws XPathExpressionException {
        List<Element> found = nodes(context, expression);
        return found.isEmpty() ? null : found.get(0);
    }

    private String text(Node context, String expression) throws XPathExpressionException {
        String value = ((String) xpath.evaluate(expression, context, XPathConstants.STRING)).strip();
        return value.isEmpty() ? null : value;
    }

    private static DocumentBuilder secureBuilder() {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setEntityResolver((publicId, systemId) -> {
                throw new SAXException("external entities are not read");
            });
            builder.setErrorHandler(new QuietErrors());
            return builder;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK XML parser lacks a security feature acopi needs", e);
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Fatal errors become problems; nothing is printed to stderr. */
    private static final class QuietErrors implements ErrorHandler {
        @Override
        public void warning(SAXParseException e) {
        }

        @Override
        public void error(SAXParseException e) {
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXException {
            throw e;
        }
    }

    private static final class Hl7Namespace implements NamespaceContext {
        @Override
        public String getNamespaceURI(String prefix) {
            return "h".equals(prefix) ? HL7 : XMLConstants.NULL_NS_URI;
        }

        @Override
        public String getPrefix(String namespaceUri) {
            return HL7.equals(namespaceUri) ? "h" : null;
        }

        @Override
        public Iterator<String> getPrefixes(String namespaceUri) {
            return List.of("h").iterator();
        }
    }
}
