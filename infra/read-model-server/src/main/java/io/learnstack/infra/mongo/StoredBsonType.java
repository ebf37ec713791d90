package io.learnstack.infra.mongo;

import java.nio.ByteBuffer;
import java.util.Arrays;

import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;

/**
 * A collection's documents as the store holds them: their BSON bytes, kept as bytes in its pages too. The
 * store writes a whole page whenever one document on it changes; holding decoded documents, it encoded every
 * document of the page again for each such write, while bytes are copied. The bytes are those
 * {@link BsonDocumentType} writes, so files written before read the same.
 */
final class StoredBsonType extends BasicDataType<byte[]> {

    static final StoredBsonType INSTANCE = new StoredBsonType();

    private StoredBsonType() {
    }

    @Override
    public int getMemory(byte[] bson) {
        return 16 + bson.length;
    }

    @Override
    public void write(WriteBuffer buffer, byte[] bson) {
        buffer.put(bson);
    }

    @Override
    public byte[] read(ByteBuffer buffer) {
        // A BSON document starts with its own length, little-endian, the length field included.
        byte[] bson = new byte[Integer.reverseBytes(buffer.getInt(buffer.position()))];
        buffer.get(bson);
        return bson;
    }

    @Override
    public int compare(byte[] one, byte[] other) {
        return Arrays.compare(one, other);
    }

    @Override
    public byte[][] createStorage(int size) {
        return new byte[size][];
    }
}
