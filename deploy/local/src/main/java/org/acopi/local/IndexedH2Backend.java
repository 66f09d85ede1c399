package org.acopi.local;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.AbstractUniqueIndex;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.h2.mvstore.MVStore;

/**
 * mongo-java-server's H2 file backend (1.47.0, same files) with the two index uses a real MongoDB makes and it does
 * not: a query that pins {@code _id} and has further conditions (reporting-service's version-guarded
 * {@code updateOne({$and: [{_id}, {$or: [...]}]})}) reads that one document instead of scanning the collection, and a
 * non-unique index (ignored by mongo-java-server) narrows a query that gives its first field a plain value
 * (reporting-service's participants of one ACO). Both only choose which documents to test: every document returned
 * still matches the whole query. Indexes live in memory (hash maps) and are rebuilt from the documents when a
 * collection opens; the documents stay in the H2 file.
 */
final class IndexedH2Backend extends H2Backend {

    IndexedH2Backend(String file) {
        super(new MVStore.Builder().fileName(file).cacheSize(cacheMegabytes()).open());
    }

    /**
     * H2 keeps recently read pages with their documents already deserialized: a quarter of the heap instead of H2's
     * 16 MB default keeps the participants an ACO's report is computed from in memory.
     */
    private static int cacheMegabytes() {
        long quarterHeap = Runtime.getRuntime().maxMemory() / 4 / (1024 * 1024);
        return (int) Math.max(16, Math.min(1024, quarterHeap));
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String name) {
        return new IndexedDatabase(name, getMvStore(), getCursorRegistry());
    }

    /** An inner class: H2Database opens collections from its constructor, before a field of this class could be set. */
    private final class IndexedDatabase extends H2Database {

        IndexedDatabase(String name, MVStore store, CursorRegistry cursors) {
            super(name, store, cursors);
        }

        /** As H2Database names its maps, so that existing files open unchanged. */
        @Override
        protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
            String namespace = getFullCollectionNamespace(collectionName);
            MVStore store = getMvStore();
            return new IndexedCollection(this, collectionName, options, store.openMap("databases." + namespace),
                    store.openMap("meta." + namespace), cursorRegistry);
        }

        /** Unique indexes (every collection's {@code _id}) in memory, rebuilt from the documents on opening. */
        @Override
        protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys,
                                                        boolean sparse) {
            return new HashUniqueIndex(indexName, keys, sparse);
        }

        @Override
        protected Index<Object> openOrCreateSecondaryIndex(String collectionName, String indexName, List<IndexKey> keys,
                                                           boolean sparse) {
            return new FirstFieldIndex(indexName, keys, sparse);
        }
    }

    private static final class IndexedCollection extends H2Collection {

        IndexedCollection(MongoDatabase database, String name, CollectionOptions options,
                          org.h2.mvstore.MVMap<Object, Document> data, org.h2.mvstore.MVMap<String, Object> meta,
                          CursorRegistry cursors) {
            super(database, name, options, data, meta, cursors);
        }

        @Override
        protected QueryResult queryDocuments(Document query, Document orderBy, int skip, int limit, int batchSize,
                                             Document projection) {
            Document conditions = conditions(query);
            Object id = conditions.size() > 1 ? conditions.get(getIdField()) : null;
            if (id != null) {
                Document byId = new Document(getIdField(), id);
                for (Index<Object> index : getIndexes()) {
                    if (index.isUnique() && index.canHandle(byId)) {
                        return matchDocuments(query, index.getPositions(byId), orderBy, skip, limit, batchSize, projection);
                    }
                }
            }
            for (Index<Object> index : getIndexes()) {
                if (!index.isUnique() && index.canHandle(conditions)) {
                    return matchDocuments(query, index.getPositions(conditions), orderBy, skip, limit, batchSize, projection);
                }
            }
            return super.queryDocuments(query, orderBy, skip, limit, batchSize, projection);
        }
    }

    /**
     * The query's conditions as one document: the driver sends {@code Filters.and(...)} as a top-level $and (nested
     * ones stay nested), which is flattened and merged when no field repeats.
     */
    static Document conditions(Document query) {
        Document merged = new Document();
        return merge(query, merged) ? merged : query;
    }

    private static boolean merge(Document clause, Document into) {
        for (String key : clause.keySet()) {
            Object value = clause.get(key);
            if (key.equals("$and") && value instanceof List<?> clauses) {
                for (Object nested : clauses) {
                    if (!(nested instanceof Document d) || !merge(d, into)) {
                        return false;
                    }
                }
            } else if (into.containsKey(key)) {
                return false;
            } else {
                into.put(key, value);
            }
        }
        return true;
    }

    /**
     * A unique index in a hash map. H2's own keeps its keys in an MVMap ordered by their Java-serialized bytes, so that
     * every {@code _id} lookup serializes a key per comparison: most of the server's time under reporting-service's
     * load. Uniqueness checks and {@code $in} lookups are the base class's.
     */
    private static final class HashUniqueIndex extends AbstractUniqueIndex<Object> {

        private final Map<KeyValue, Object> positions = new ConcurrentHashMap<>();

        HashUniqueIndex(String name, List<IndexKey> keys, boolean sparse) {
            super(name, keys, sparse);
        }

        @Override
        protected Object removeDocument(KeyValue keyValue) {
            return positions.remove(keyValue);
        }

        @Override
        protected boolean putKeyPosition(KeyValue keyValue, Object position) {
            return positions.putIfAbsent(keyValue, position) == null;
        }

        @Override
        protected Iterable<Map.Entry<KeyValue, Object>> getIterable() {
            return positions.entrySet();
        }

        @Override
        protected Object getPosition(KeyValue keyValue) {
            return positions.get(keyValue);
        }

        @Override
        public long getCount() {
            return positions.size();
        }

        @Override
        public long getDataSize() {
            return 0;
        }

        @Override
        public void drop() {
            positions.clear();
        }
    }

    /**
     * A non-unique index over the first field of its keys: value → positions (for the H2 backend, a position is the
     * document's {@code _id}). It answers a query that gives that field a plain value; the collection then tests the
     * whole query on those documents only. A document without the field is indexed under null.
     */
    private static final class FirstFieldIndex extends Index<Object> {

        private final Map<Object, Set<Object>> positions = new HashMap<>();

        FirstFieldIndex(String name, List<IndexKey> keys, boolean sparse) {
            super(name, keys, sparse);
        }

        private String field() {
            return keys().get(0);
        }

        private Set<Object> values(Document document) {
            Set<Object> values = new HashSet<>();
            for (KeyValue keyValue : getKeyValues(document)) {
                values.add(keyValue.normalized().get(0));
            }
            return values;
        }

        @Override
        public Object getPosition(Document document) {
            return null;
        }

        @Override
        public void checkAdd(Document document, MongoCollection<Object> collection) {
        }

        @Override
        public synchronized void add(Document document, Object position, MongoCollection<Object> collection) {
            for (Object value : values(document)) {
                positions.computeIfAbsent(value, v -> new HashSet<>()).add(position);
            }
        }

        @Override
        public synchronized Object remove(Document document) {
            Object position = document.get("_id");
            for (Object value : values(document)) {
                Set<Object> at = positions.get(value);
                if (at != null) {
                    at.remove(position);
                }
            }
            return position;
        }

        @Override
        public boolean canHandle(Document query) {
            Object value = query.get(field());
            return value != null && !(value instanceof Document) && !(value instanceof java.util.Collection<?>)
                    && !(value instanceof java.util.regex.Pattern);
        }

        @Override
        public synchronized Iterable<Object> getPositions(Document query) {
            Object value = new KeyValue(query.get(field())).normalized().get(0);
            return List.copyOf(positions.getOrDefault(value, Set.of()));
        }

        @Override
        public synchronized long getCount() {
            return positions.values().stream().mapToLong(Set::size).sum();
        }

        @Override
        public long getDataSize() {
            return 0;
        }

        @Override
        public void checkUpdate(Document oldDocument, Document newDocument, MongoCollection<Object> collection) {
        }

        @Override
        public synchronized void updateInPlace(Document oldDocument, Document newDocument, Object position,
                                  MongoCollection<Object> collection) {
            if (!values(oldDocument).equals(values(newDocument))) {
                remove(oldDocument);
                add(newDocument, position, collection);
            }
        }

        @Override
        public synchronized void drop() {
            positions.clear();
        }

        @Override
        public boolean isUnique() {
            return false;
        }
    }
}
