package io.learnstack.infra.mongo;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import de.bwaldvogel.mongo.bson.BinData;
import de.bwaldvogel.mongo.bson.BsonJavaScript;
import de.bwaldvogel.mongo.bson.BsonRegularExpression;
import de.bwaldvogel.mongo.bson.BsonTimestamp;
import de.bwaldvogel.mongo.bson.Decimal128;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.LegacyUUID;
import de.bwaldvogel.mongo.bson.MaxKey;
import de.bwaldvogel.mongo.bson.MinKey;
import de.bwaldvogel.mongo.bson.ObjectId;
import de.bwaldvogel.mongo.wire.BsonConstants;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;

/**
 * Documents stored as BSON, the form they arrive in, instead of by Java serialization, which the store's generic
 * type would otherwise run for every document of every page it writes or reads. The collections keep the bytes
 * ({@link StoredBsonType}) and go through {@link #encode} and {@link #decode}; as a type of its own it reads and
 * writes the same bytes.
 *
 * <p>Written by the wire protocol's own encoder and read back into the Java types its decoder gives, so a document
 * read from the file holds what it held when it came over the wire. Two things a client cannot send do not survive:
 * dates keep milliseconds (as MongoDB's do), and binary data of the user-defined subtype comes back generic, as the
 * wire decoder has it. Unlike that decoder, reading sets no size limit, so a document an update grew beyond
 * 16 MB stays readable.
 */
final class BsonDocumentType extends BasicDataType<Document> {

    static final BsonDocumentType INSTANCE = new BsonDocumentType();

    private BsonDocumentType() {
    }

    /**
     * Fails unless the document can be written as BSON. Called before a document goes into a map: a value that
     * cannot be written would otherwise only fail when its page is written, which makes the store give up.
     */
    static void requireStorable(Document document) {
        estimate(document);
    }

    /** The document as the BSON bytes it is stored in; fails, as {@link #requireStorable} does, for what BSON cannot hold. */
    static byte[] encode(Document document) {
        requireStorable(document);
        return bytes(document);
    }

    /** The document stored in these bytes, or null for none. */
    static Document decode(byte[] bson) {
        return bson == null ? null : document(ByteBuffer.wrap(bson));
    }

    @Override
    public int getMemory(Document document) {
        return 24 + estimate(document);
    }

    @Override
    public void write(WriteBuffer buffer, Document document) {
        buffer.put(bytes(document));
    }

    @Override
    public Document read(ByteBuffer buffer) {
        return document(buffer);
    }

    @Override
    public Document[] createStorage(int size) {
        return new Document[size];
    }

    private static byte[] bytes(Document document) {
        ByteBuf bson = Unpooled.buffer(512);
        try {
            BsonEncoder.encodeDocument(document, bson);
            byte[] bytes = new byte[bson.readableBytes()];
            bson.readBytes(bytes);
            return bytes;
        } finally {
            bson.release();
        }
    }

    /** Roughly the heap a value takes, and a check that BSON can hold it. */
    private static int estimate(Object value) {
        if (value == null || value instanceof Boolean || value instanceof MinKey || value instanceof MaxKey) {
            return 8;
        } else if (value instanceof String text) {
            return 40 + text.length();
        } else if (value instanceof Integer || value instanceof Long || value instanceof Double
                || value instanceof Instant || value instanceof BsonTimestamp) {
            return 24;
        } else if (value instanceof Map<?, ?> map) {
            int size = 48;
            for (Map.Entry<?, ?> field : map.entrySet()) {
                if (!(field.getKey() instanceof String name)) {
                    throw new IllegalArgumentException("A document field name must be a string: " + field.getKey());
                }
                size += 32 + name.length() + estimate(field.getValue());
            }
            return size;
        } else if (value instanceof Collection<?> collection) {
            int size = 40;
            for (Object element : collection) {
                size += 8 + estimate(element);
            }
            return size;
        } else if (value instanceof ObjectId || value instanceof Decimal128 || value instanceof UUID
                || value instanceof LegacyUUID) {
            return 40;
        } else if (value instanceof BinData data) {
            return 32 + data.getData().length;
        } else if (value instanceof BsonRegularExpression regex) {
            return 64 + regex.getPattern().length() + regex.getOptions().length();
        } else if (value instanceof BsonJavaScript script) {
            return 40 + script.getCode().length();
        }
        throw new IllegalArgumentException("Cannot store a value of type " + value.getClass().getName());
    }

    private static Document document(ByteBuffer in) {
        int end = in.position() + Integer.reverseBytes(in.getInt());
        Document document = new Document();
        for (byte type = in.get(); type != BsonConstants.TERMINATING_BYTE; type = in.get()) {
            String name = cString(in);
            document.put(name, value(type, in));
        }
        if (in.position() != end) {
            throw new IllegalStateException("Corrupt stored document: " + (end - in.position()) + " bytes unread");
        }
        return document;
    }

    private static Object value(byte type, ByteBuffer in) {
        switch (type) {
            case BsonConstants.TYPE_DOUBLE:
                return Double.longBitsToDouble(Long.reverseBytes(in.getLong()));
            case BsonConstants.TYPE_UTF8_STRING:
                return string(in);
            case BsonConstants.TYPE_EMBEDDED_DOCUMENT:
                return document(in);
            case BsonConstants.TYPE_ARRAY: {
                List<Object> array = new ArrayList<>();
                in.getInt(); // the length: the terminating byte ends the elements as well
                for (byte elementType = in.get(); elementType != BsonConstants.TERMINATING_BYTE;
                     elementType = in.get()) {
                    skipCString(in);
                    array.add(value(elementType, in));
                }
                return array;
            }
            case BsonConstants.TYPE_DATA:
                return binary(in);
            case BsonConstants.TYPE_UNDEFINED:
            case BsonConstants.TYPE_NULL:
                return null;
            case BsonConstants.TYPE_OBJECT_ID: {
                byte[] id = new byte[BsonConstants.LENGTH_OBJECTID];
                in.get(id);
                return new ObjectId(id);
            }
            case BsonConstants.TYPE_BOOLEAN:
                return in.get() != BsonConstants.BOOLEAN_VALUE_FALSE;
            case BsonConstants.TYPE_UTC_DATETIME:
                return Instant.ofEpochMilli(Long.reverseBytes(in.getLong()));
            case BsonConstants.TYPE_REGEX: {
                String pattern = cString(in);
                return new BsonRegularExpression(pattern, cString(in));
            }
            case BsonConstants.TYPE_INT32:
                return Integer.reverseBytes(in.getInt());
            case BsonConstants.TYPE_TIMESTAMP:
                return new BsonTimestamp(Long.reverseBytes(in.getLong()));
            case BsonConstants.TYPE_INT64:
                return Long.reverseBytes(in.getLong());
            case BsonConstants.TYPE_DECIMAL128: {
                long low = Long.reverseBytes(in.getLong());
                return new Decimal128(low, Long.reverseBytes(in.getLong()));
            }
            case BsonConstants.TYPE_MAX_KEY:
                return MaxKey.getInstance();
            case BsonConstants.TYPE_MIN_KEY:
                return MinKey.getInstance();
            case BsonConstants.TYPE_JAVASCRIPT_CODE:
                return new BsonJavaScript(string(in));
            default:
                throw new IllegalStateException("Corrupt stored document: unknown BSON type 0x"
                        + Integer.toHexString(type & 0xFF));
        }
    }

    private static Object binary(ByteBuffer in) {
        int length = Integer.reverseBytes(in.getInt());
        byte subtype = in.get();
        switch (subtype) {
            case BsonConstants.BINARY_SUBTYPE_OLD_UUID:
                return new LegacyUUID(Long.reverseBytes(in.getLong()), Long.reverseBytes(in.getLong()));
            case BsonConstants.BINARY_SUBTYPE_UUID:
                return new UUID(in.getLong(), in.getLong());
            default: {
                byte[] data = new byte[length];
                in.get(data);
                return new BinData(data);
            }
        }
    }

    private static String string(ByteBuffer in) {
        int length = Integer.reverseBytes(in.getInt()) - 1;
        String text = utf8(in, length);
        in.get(); // the terminating zero
        return text;
    }

    private static String cString(ByteBuffer in) {
        int start = in.position();
        int end = start;
        while (in.get(end) != 0) {
            end++;
        }
        String text = utf8(in, end - start);
        in.get();
        return text;
    }

    private static void skipCString(ByteBuffer in) {
        while (in.get() != 0) {
            // array indexes: the position in the list says it
        }
    }

    private static String utf8(ByteBuffer in, int length) {
        String text;
        if (in.hasArray()) {
            text = new String(in.array(), in.arrayOffset() + in.position(), length, StandardCharsets.UTF_8);
            in.position(in.position() + length);
        } else {
            byte[] bytes = new byte[length];
            in.get(bytes);
            text = new String(bytes, StandardCharsets.UTF_8);
        }
        return text;
    }
}
