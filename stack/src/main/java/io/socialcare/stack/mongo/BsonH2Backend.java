package io.socialcare.stack.mongo;

import org.h2.mvstore.MVStore;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.AbstractMongoBackend;

/**
 * A MongoDB wire-server backend that keeps its data in an H2 MVStore file, like the library's own H2 backend, but
 * stores documents and index keys in a binary BSON form instead of Java serialization.
 * <p>
 * Why: with the library's backend every page write ran {@code ObjectOutputStream} over every document of the page, and
 * every look-up in a unique index serialized both keys to compare them (its keys are not {@code Comparable}). A JFR
 * profile of 1 KiB inserts showed most of the server's time there, and the rate fell from about 1,500 to a few hundred
 * documents/s as the file grew. Here documents are written as BSON (what the wire carries anyway), and index keys are
 * compared in memory with MongoDB's value order. The file format is therefore not the library's: a store written by
 * one cannot be opened by the other.
 */
public final class BsonH2Backend extends AbstractMongoBackend {

    static final String DATA_PREFIX = "data.";
    static final String META_PREFIX = "meta.";
    static final String INDEX_INFIX = ".$index.";

    /**
     * Pages split above 4 KiB instead of MVStore's 16 KiB. Ids and unique keys are random (UUIDs, sources), so each
     * insert dirties its own leaf pages, and every commit rewrites them whole (MVStore appends, never updates in
     * place): smaller leaves mean less to encode and write per insert. Measured with 1 KiB documents, a unique index
     * and batches of 500: about 5,000 inserts/s at 60,000 documents instead of about 2,000 with 16 KiB pages.
     */
    static final int PAGE_SPLIT_SIZE = 4096;

    private final MVStore store;

    public BsonH2Backend(MVStore store) {
        this.store = store;
        store.getMapNames().stream()
                .filter(name -> name.startsWith(DATA_PREFIX))
                .map(name -> name.substring(DATA_PREFIX.length(), name.indexOf('.', DATA_PREFIX.length())))
                .distinct()
                .forEach(this::resolveDatabase);
    }

    /**
     * Opens (or creates) the store in this file.
     *
     * @param cacheMegabytes the page cache: the pages of the most used documents and index keys, decoded
     */
    public static BsonH2Backend open(String fileName, int cacheMegabytes) {
        return new BsonH2Backend(new MVStore.Builder().fileName(fileName).cacheSize(cacheMegabytes)
                .pageSplitSize(PAGE_SPLIT_SIZE).open());
    }

    /** A store that keeps nothing on disk, for tests of this backend. */
    public static BsonH2Backend inMemory() {
        return new BsonH2Backend(new MVStore.Builder().open());
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return new BsonH2Database(databaseName, store, getCursorRegistry());
    }

    /** Writes what is not yet on disk. */
    public void commit() {
        store.commit();
    }

    @Override
    public void close() {
        super.close();
        if (!store.isClosed()) {
            store.close();
        }
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + (store.getFileStore() == null ? "in memory"
                : store.getFileStore().getFileName()) + "]";
    }
}
