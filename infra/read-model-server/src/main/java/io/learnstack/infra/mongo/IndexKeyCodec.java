package io.learnstack.infra.mongo;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.bson.BinData;
import de.bwaldvogel.mongo.bson.BsonTimestamp;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.LegacyUUID;
import de.bwaldvogel.mongo.bson.MaxKey;
import de.bwaldvogel.mongo.bson.MinKey;
import de.bwaldvogel.mongo.bson.ObjectId;

/**
 * Turns an index key into bytes that compare, as unsigned bytes, the way the key's values do, so the index's
 * B-tree compares keys without building objects, and back again.
 *
 * <p>Values follow MongoDB's order of types (MinKey, null, numbers, strings, documents, arrays, binary, ObjectId,
 * booleans, dates, timestamps, MaxKey), numbers by value whatever their Java type, so {@code 1} and {@code 1.0}
 * are one key, as the index's normalization makes them. Strings compare by their UTF-16 code units, except that
 * U+0000 sorts after U+007F (MongoDB orders by code point, which differs only above U+FFFF). Documents are ordered field by field, in their
 * field order, as {@code _id}s are compared. Anything else is kept by Java serialization, after all the
 * types above, so it still round-trips; such keys are equal only if they serialize alike.
 */
final class IndexKeyCodec {

    private static final byte END = 0x00;
    private static final byte MIN_KEY = 0x10;
    private static final byte NULL = 0x20;
    private static final byte NUMBER = 0x30;
    private static final byte STRING = 0x40;
    private static final byte DOCUMENT = 0x50;
    private static final byte ARRAY = 0x60;
    private static final byte BINARY = 0x70;
    private static final byte UUID_BINARY = 0x71;
    private static final byte LEGACY_UUID_BINARY = 0x72;
    private static final byte OBJECT_ID = (byte) 0x80;
    private static final byte FALSE = (byte) 0x90;
    private static final byte TRUE = (byte) 0x91;
    private static final byte DATE = (byte) 0xA0;
    private static final byte TIMESTAMP = (byte) 0xB0;
    private static final byte SERIALIZED = (byte) 0xE0;
    private static final byte MAX_KEY = (byte) 0xF0;

    private static final byte DOUBLE_KIND = 0;
    private static final byte LONG_KIND = 1;

    private IndexKeyCodec() {
    }

    static byte[] encode(KeyValue key) {
        Writer out = new Writer();
        for (Object value : key) {
            out.value(value);
        }
        return out.toByteArray();
    }

    static KeyValue decode(byte[] bytes) {
        ByteBuffer in = ByteBuffer.wrap(bytes);
        List<Object> values = new ArrayList<>();
        while (in.hasRemaining()) {
            values.add(value(in, in.get()));
        }
        return new KeyValue(values);
    }

    private static final class Writer {

        private byte[] bytes = new byte[64];
        private int size;

        void value(Object value) {
            byte tag = tag(value);
            put(tag);
            body(tag, value);
        }

        private void body(byte tag, Object value) {
            switch (tag) {
                case STRING -> string((String) value);
                case NUMBER -> number((Number) value);
                case DOCUMENT -> {
                    for (Map.Entry<?, ?> field : ((Map<?, ?>) value).entrySet()) {
                        // Type, then name, then value: MongoDB's order for the fields of embedded documents.
                        byte fieldTag = tag(field.getValue());
                        put(fieldTag);
                        string((String) field.getKey());
                        body(fieldTag, field.getValue());
                    }
                    put(END);
                }
                case ARRAY -> {
                    ((Collection<?>) value).forEach(this::value);
                    put(END);
                }
                case OBJECT_ID -> {
                    byte[] data = ((ObjectId) value).toByteArray();
                    put(data, data.length);
                }
                case DATE -> {
                    Instant instant = (Instant) value;
                    putLong(instant.getEpochSecond() ^ Long.MIN_VALUE);
                    putInt(instant.getNano());
                }
                case TIMESTAMP -> putLong(((BsonTimestamp) value).getValue() ^ Long.MIN_VALUE);
                case UUID_BINARY -> uuid((UUID) value);
                case LEGACY_UUID_BINARY -> uuid(((LegacyUUID) value).getUuid());
                case BINARY -> binary(value instanceof BinData data ? data.getData() : (byte[]) value);
                case SERIALIZED -> binary(serialize(value));
                default -> {
                    // The tag says it all: null, booleans, MinKey, MaxKey.
                }
            }
        }

        private static byte tag(Object value) {
            if (value == null || value instanceof Missing) {
                return NULL;
            } else if (value instanceof String) {
                return STRING;
            } else if (value instanceof Number) {
                return NUMBER;
            } else if (value instanceof Map<?, ?>) {
                return DOCUMENT;
            } else if (value instanceof Collection<?>) {
                return ARRAY;
            } else if (value instanceof Boolean bool) {
                return bool ? TRUE : FALSE;
            } else if (value instanceof ObjectId) {
                return OBJECT_ID;
            } else if (value instanceof Instant) {
                return DATE;
            } else if (value instanceof BsonTimestamp) {
                return TIMESTAMP;
            } else if (value instanceof UUID) {
                return UUID_BINARY;
            } else if (value instanceof LegacyUUID) {
                return LEGACY_UUID_BINARY;
            } else if (value instanceof BinData || value instanceof byte[]) {
                return BINARY;
            } else if (value instanceof MinKey) {
                return MIN_KEY;
            } else if (value instanceof MaxKey) {
                return MAX_KEY;
            }
            return SERIALIZED;
        }

        private void uuid(UUID uuid) {
            putLong(uuid.getMostSignificantBits());
            putLong(uuid.getLeastSignificantBits());
        }

        /**
         * A double in an order-preserving form, then, for the longs too large for a double to hold exactly,
         * the exact value to break the tie, then which of the two it was.
         */
        private void number(Number number) {
            boolean exactLong = number instanceof Long wide && wide != (long) wide.doubleValue();
            double value = number.doubleValue();
            if (value == 0.0) {
                value = 0.0; // -0.0 is 0
            }
            putLong(sortable(value));
            putLong((exactLong ? number.longValue() : (long) value) ^ Long.MIN_VALUE);
            put(exactLong ? LONG_KIND : DOUBLE_KIND);
        }

        /** Modified UTF-8: no zero bytes, so a zero byte ends the string and shorter prefixes sort first. */
        private void string(String text) {
            int length = text.length();
            ensure(length * 3 + 1);
            for (int i = 0; i < length; i++) {
                char c = text.charAt(i);
                if (c != 0 && c < 0x80) {
                    bytes[size++] = (byte) c;
                } else if (c < 0x800) {
                    bytes[size++] = (byte) (0xC0 | (c >> 6));
                    bytes[size++] = (byte) (0x80 | (c & 0x3F));
                } else {
                    bytes[size++] = (byte) (0xE0 | (c >> 12));
                    bytes[size++] = (byte) (0x80 | ((c >> 6) & 0x3F));
                    bytes[size++] = (byte) (0x80 | (c & 0x3F));
                }
            }
            bytes[size++] = END;
        }

        /** Length first: MongoDB orders binary data by length before content. */
        private void binary(byte[] data) {
            putInt(data.length);
            put(data, data.length);
        }

        private void putLong(long value) {
            ensure(8);
            for (int shift = 56; shift >= 0; shift -= 8) {
                bytes[size++] = (byte) (value >>> shift);
            }
        }

        private void putInt(int value) {
            ensure(4);
            for (int shift = 24; shift >= 0; shift -= 8) {
                bytes[size++] = (byte) (value >>> shift);
            }
        }

        private void put(byte value) {
            ensure(1);
            bytes[size++] = value;
        }

        private void put(byte[] data, int length) {
            ensure(length);
            System.arraycopy(data, 0, bytes, size, length);
            size += length;
        }

        private void ensure(int more) {
            if (size + more > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
            }
        }

        byte[] toByteArray() {
            return Arrays.copyOf(bytes, size);
        }
    }

    private static Object value(ByteBuffer in, byte tag) {
        switch (tag) {
            case NULL:
                return null;
            case STRING:
                return string(in);
            case NUMBER: {
                double value = fromSortable(in.getLong());
                long exact = in.getLong() ^ Long.MIN_VALUE;
                return in.get() == LONG_KIND ? (Object) exact : (Object) value;
            }
            case DOCUMENT: {
                Document document = new Document();
                for (byte fieldTag = in.get(); fieldTag != END; fieldTag = in.get()) {
                    String name = string(in);
                    document.put(name, value(in, fieldTag));
                }
                return document;
            }
            case ARRAY: {
                List<Object> array = new ArrayList<>();
                for (byte elementTag = in.get(); elementTag != END; elementTag = in.get()) {
                    array.add(value(in, elementTag));
                }
                return array;
            }
            case FALSE:
                return Boolean.FALSE;
            case TRUE:
                return Boolean.TRUE;
            case OBJECT_ID: {
                byte[] data = new byte[12];
                in.get(data);
                return new ObjectId(data);
            }
            case DATE:
                return Instant.ofEpochSecond(in.getLong() ^ Long.MIN_VALUE, in.getInt());
            case TIMESTAMP:
                return new BsonTimestamp(in.getLong() ^ Long.MIN_VALUE);
            case UUID_BINARY:
                return new UUID(in.getLong(), in.getLong());
            case LEGACY_UUID_BINARY:
                return new LegacyUUID(in.getLong(), in.getLong());
            case BINARY:
                return new BinData(binary(in));
            case MIN_KEY:
                return MinKey.getInstance();
            case MAX_KEY:
                return MaxKey.getInstance();
            case SERIALIZED:
                return deserialize(binary(in));
            default:
                throw new IllegalStateException("Not an index key: unknown type tag " + tag);
        }
    }

    private static String string(ByteBuffer in) {
        StringBuilder text = new StringBuilder();
        for (int b = in.get() & 0xFF; b != 0; b = in.get() & 0xFF) {
            if (b < 0x80) {
                text.append((char) b);
            } else if (b < 0xE0) {
                text.append((char) (((b & 0x1F) << 6) | (in.get() & 0x3F)));
            } else {
                int second = in.get() & 0x3F;
                text.append((char) (((b & 0x0F) << 12) | (second << 6) | (in.get() & 0x3F)));
            }
        }
        return text.toString();
    }

    private static byte[] binary(ByteBuffer in) {
        byte[] data = new byte[in.getInt()];
        in.get(data);
        return data;
    }

    /** NaN first, as MongoDB orders it, then the doubles by value; unsigned comparison of the result. */
    private static long sortable(double value) {
        if (Double.isNaN(value)) {
            return 0L;
        }
        long bits = Double.doubleToLongBits(value);
        return bits < 0 ? ~bits : bits ^ Long.MIN_VALUE;
    }

    private static double fromSortable(long sortable) {
        if (sortable == 0L) {
            return Double.NaN;
        }
        return Double.longBitsToDouble(sortable < 0 ? sortable ^ Long.MIN_VALUE : ~sortable);
    }

    private static byte[] serialize(Object value) {
        if (!(value instanceof Serializable)) {
            throw new IllegalArgumentException("Cannot index a value of type " + value.getClass().getName());
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static Object deserialize(byte[] data) {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(data))) {
            return in.readObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("Index key of an unknown class", e);
        }
    }
}
