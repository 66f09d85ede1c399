package org.acopi.scoring.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.acopi.events.EntityType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The per-IG data of {@code ingest/qrda3.json}: which extensions of the CMS QRDA III report template are read, which
 * QPP programs map to which entity type, the OIDs that carry each identifier and the submission method recorded.
 */
record Qrda3Format(String cmsTemplateRoot, Map<String, String> extensions, Map<String, EntityType> programs,
                   Map<String, String> roots, String submissionMethod) {

    static final Qrda3Format CLASSPATH = load("ingest/qrda3.json");

    String root(String identifier) {
        String root = roots.get(identifier);
        if (root == null) {
            throw new IllegalStateException("ingest/qrda3.json: identifierRoots has no " + identifier);
        }
        return root;
    }

    static Qrda3Format load(String resource) {
        try (InputStream in = Qrda3Format.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the class path");
            }
            JsonNode tree = JsonMapper.builder().build().readTree(in);
            Map<String, String> extensions = new LinkedHashMap<>();
            tree.path("cmsDocumentTemplate").path("extensions").properties()
                    .forEach(e -> extensions.put(e.getKey(), e.getValue().asString()));
            Map<String, EntityType> programs = new LinkedHashMap<>();
            tree.path("programs").properties().forEach(e -> programs.put(e.getKey(), entityType(e.getValue().asString())));
            Map<String, String> roots = new LinkedHashMap<>();
            tree.path("identifierRoots").properties().forEach(e -> roots.put(e.getKey(), e.getValue().asString()));
            return new Qrda3Format(tree.path("cmsDocumentTemplate").path("root").asString(), Map.copyOf(extensions),
                    Map.copyOf(programs), Map.copyOf(roots), tree.path("submissionMethod").asString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static EntityType entityType(String qppName) {
        return switch (qppName.toLowerCase(Locale.ROOT)) {
            case "individual" -> EntityType.INDIVIDUAL;
            case "group" -> EntityType.GROUP;
            case "virtualgroup" -> EntityType.VIRTUAL_GROUP;
            case "apmentity" -> EntityType.APM_ENTITY;
            default -> throw new IllegalStateException("ingest/qrda3.json: unknown entity type " + qppName);
        };
    }
}
