package io.socialcare.stack.mongo;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

/**
 * The MVStore data types of {@link BsonH2Backend}: documents as BSON, single values (ids, index positions) and index
 * keys as BSON values with their type byte. Each entry is written with its length first, so that reading takes one
 * copy of its bytes.
 */
final class BsonTypes {

    /** The type byte of "no value" (an index key over a field the document does not have); BSON never uses 0. */
    private static final byte MISSING = 0;

    /** The encoder's scratch buffer, one per thread (pages are written by the caller or the store's writer). */
    private static final ThreadLocal<ByteBuf> SCRATCH = ThreadLocal.withInitial(() -> Unpooled.buffer(4096));

    private BsonTypes() {
    }

    /** Documents, as BSON. Values are only compared for equality (MVStore's conditional replace). */
    static final class DocumentType extends BasicDataType<Document> {

        static final DocumentType INSTANCE = new DocumentType();

        @Override
        public int getMemory(Document document) {
            return estimate(document);
        }

        @Override
        public void write(WriteBuffer buffer, Document document) {
            ByteBuf scratch = scratch();
            BsonEncoder.encodeDocument(document, scratch);
            put(buffer, scratch);
        }

        @Override
        public Document read(ByteBuffer buffer) {
            return BsonDecoder.decodeBson(take(buffer));
        }

        @Override
        public int compare(Document a, Document b) {
            return a.equals(b) ? 0 : 1;
        }

        @Override
        public Document[] createStorage(int size) {
            return new Document[size];
        }
    }

    /** One value: a document's {@code _id} (the key of the documents' map), or the position an index points to. */
    static final class ValueType extends BasicDataType<Object> {

        static final ValueType INSTANCE = new ValueType();

        @Override
        public int getMemory(Object value) {
            return estimate(value);
        }

        @Override
        public void write(WriteBuffer buffer, Object value) {
            ByteBuf scratch = scratch();
            encode(value, scratch);
            put(buffer, scratch);
        }

        @Override
        public Object read(ByteBuffer buffer) {
            return decode(take(buffer));
        }

        @Override
        public int compare(Object a, Object b) {
            return compareValues(a, b);
        }

        @Override
        public Object[] createStorage(int size) {
            return new Object[size];
        }
    }

    /** The values of a unique index's fields, in the index's order. */
    static final class KeyValueType extends BasicDataType<KeyValue> {

        static final KeyValueType INSTANCE = new KeyValueType();

        @Override
        public int getMemory(KeyValue key) {
            int memory = 32;
            for (Object value : key) {
                memory += 8 + estimate(value);
            }
            return memory;
        }

        @Override
        public void write(WriteBuffer buffer, KeyValue key) {
            ByteBuf scratch = scratch();
            scratch.writeInt(key.size());
            for (Object value : key) {
                encode(value, scratch);
            }
            put(buffer, scratch);
        }

        @Override
        public KeyValue read(ByteBuffer buffer) {
            ByteBuf in = take(buffer);
            int size = in.readInt();
            List<Object> values = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                values.add(decode(in));
            }
            return new KeyValue(values);
        }

        @Override
        public int compare(KeyValue a, KeyValue b) {
            int size = Math.min(a.size(), b.size());
            for (int i = 0; i < size; i++) {
                int c = compareValues(a.get(i), b.get(i));
                if (c != 0) {
                    return c;
                }
            }
            return Integer.compare(a.size(), b.size());
        }

        @Override
        public KeyValue[] createStorage(int size) {
            return new KeyValue[size];
        }
    }

    /**
     * MongoDB's order of values (numbers by value whatever their Java type, then strings, documents, ...), with "no
     * value" first. Two values it ranks equal but that are not the same (other than numbers, which MongoDB treats as
     * equal keys when equal in value) are told apart by their type and text, so that the order is total.
     */
    static int compareValues(Object a, Object b) {
        if (a == b) {
            return 0;
        }
        if (a instanceof Missing || b instanceof Missing) {
            return a instanceof Missing ? -1 : 1;
        }
        int c = ValueComparator.ascWithoutListHandling().compare(a, b);
        if (c != 0 || (a instanceof Number && b instanceof Number) || a == null || b == null || a.equals(b)) {
            return c;
        }
        c = a.getClass().getName().compareTo(b.getClass().getName());
        return c != 0 ? c : String.valueOf(a).compareTo(String.valueOf(b));
    }

    private static void encode(Object value, ByteBuf out) {
        if (value instanceof Missing) {
            out.writeByte(MISSING);
            return;
        }
        byte type = BsonEncoder.determineType(value);
        out.writeByte(type);
        BsonEncoder.encodeValue(type, value, out);
    }

    private static Object decode(ByteBuf in) {
        byte type = in.readByte();
        return type == MISSING ? Missing.getInstance() : BsonDecoder.decodeValue(type, in);
    }

    private static ByteBuf scratch() {
        ByteBuf scratch = SCRATCH.get();
        scratch.clear();
        return scratch;
    }

    private static void put(WriteBuffer buffer, ByteBuf encoded) {
        int length = encoded.readableBytes();
        buffer.putVarInt(length).put(encoded.array(), encoded.arrayOffset() + encoded.readerIndex(), length);
    }

    private static ByteBuf take(ByteBuffer buffer) {
        byte[] bytes = new byte[DataUtils.readVarInt(buffer)];
        buffer.get(bytes);
        return Unpooled.wrappedBuffer(bytes);
    }

    /** A rough size in memory of a decoded value, for the page cache's accounting and page splits. */
    static int estimate(Object value) {
        if (value instanceof String s) {
            return 40 + 2 * s.length();
        }
        if (value instanceof Map<?, ?> map) {
            int memory = 64;
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                memory += 48 + estimate(entry.getKey()) + estimate(entry.getValue());
            }
            return memory;
        }
        if (value instanceof Collection<?> values) {
            int memory = 40;
            for (Object v : values) {
                memory += 8 + estimate(v);
            }
            return memory;
        }
        if (value instanceof byte[] bytes) {
            return 16 + bytes.length;
        }
        return 24;
    }
}
