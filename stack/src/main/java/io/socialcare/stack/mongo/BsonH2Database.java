package io.socialcare.stack.mongo;

import java.util.List;
import java.util.stream.Collectors;

import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.type.ObjectDataType;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.AbstractSynchronizedMongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.oplog.Oplog;

/**
 * One database of {@link BsonH2Backend}: per collection a map of documents by {@code _id} and a map of its metadata;
 * per unique index a map from the indexed values to the document's {@code _id}. The collection logic is the library's
 * {@link H2Collection}; only the maps' data types differ.
 */
final class BsonH2Database extends AbstractSynchronizedMongoDatabase<Object> {

    private final MVStore store;

    BsonH2Database(String databaseName, MVStore store, CursorRegistry cursors) {
        super(databaseName, cursors);
        this.store = store;
        initializeNamespacesAndIndexes();
    }

    @Override
    protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
        String name = getFullCollectionNamespace(collectionName);
        return new H2Collection(this, collectionName, options, dataMap(name), metaMap(name), cursorRegistry);
    }

    @Override
    protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys,
            boolean sparse) {
        MVMap<KeyValue, Object> map = store.openMap(indexMapName(collectionName, indexName),
                new MVMap.Builder<KeyValue, Object>().keyType(BsonTypes.KeyValueType.INSTANCE)
                        .valueType(BsonTypes.ValueType.INSTANCE));
        return new BsonUniqueIndex(map, indexName, keys, sparse);
    }

    @Override
    protected void dropIndex(MongoCollection<Object> collection, String indexName) {
        super.dropIndex(collection, indexName);
        store.removeMap(indexMapName(collection.getCollectionName(), indexName));
    }

    @Override
    public void drop(Oplog oplog) {
        super.drop(oplog);
        String data = BsonH2Backend.DATA_PREFIX + databaseName + ".";
        String meta = BsonH2Backend.META_PREFIX + databaseName + ".";
        String index = databaseName + ".";
        // an index map is "<database>.<collection>.$index.<name>"; the prefix alone would also match every
        // collection of every database if this database were called "data" or "meta"
        List<String> names = store.getMapNames().stream()
                .filter(n -> n.startsWith(data) || n.startsWith(meta)
                        || n.startsWith(index) && n.contains(BsonH2Backend.INDEX_INFIX))
                .collect(Collectors.toList());
        names.forEach(store::removeMap);
    }

    @Override
    public void dropCollection(String collectionName, Oplog oplog) {
        super.dropCollection(collectionName, oplog);
        String name = getFullCollectionNamespace(collectionName);
        store.removeMap(BsonH2Backend.DATA_PREFIX + name);
        store.removeMap(BsonH2Backend.META_PREFIX + name);
    }

    @Override
    public void moveCollection(MongoDatabase oldDatabase, MongoCollection<?> collection, String newCollectionName) {
        super.moveCollection(oldDatabase, collection, newCollectionName);
        String oldName = collection.getFullName();
        String newName = getFullCollectionNamespace(newCollectionName);
        store.renameMap(dataMap(oldName), BsonH2Backend.DATA_PREFIX + newName);
        store.renameMap(metaMap(oldName), BsonH2Backend.META_PREFIX + newName);
    }

    @Override
    protected long getStorageSize() {
        return store.getFileStore() == null ? 0 : store.getFileStore().size();
    }

    @Override
    protected long getFileSize() {
        return getStorageSize();
    }

    private MVMap<Object, Document> dataMap(String fullName) {
        return store.openMap(BsonH2Backend.DATA_PREFIX + fullName,
                new MVMap.Builder<Object, Document>().keyType(BsonTypes.ValueType.INSTANCE)
                        .valueType(BsonTypes.DocumentType.INSTANCE));
    }

    /** The collection's size counter: a string key and a number, which H2's own type stores without serialization. */
    private MVMap<String, Object> metaMap(String fullName) {
        return store.openMap(BsonH2Backend.META_PREFIX + fullName,
                new MVMap.Builder<String, Object>().keyType(new ObjectDataType()).valueType(new ObjectDataType()));
    }

    private String indexMapName(String collectionName, String indexName) {
        return getFullCollectionNamespace(collectionName) + BsonH2Backend.INDEX_INFIX + indexName;
    }
}
