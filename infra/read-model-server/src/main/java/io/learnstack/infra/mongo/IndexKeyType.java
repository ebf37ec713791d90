package io.learnstack.infra.mongo;

import java.nio.ByteBuffer;
import java.util.Arrays;

import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;

/**
 * Index keys as {@link IndexKeyCodec} bytes, compared unsigned: a lookup in the B-tree costs byte
 * comparisons instead of the Java serialization of both sides that the store's generic type needs
 * for keys it does not know.
 */
final class IndexKeyType extends BasicDataType<byte[]> {

    static final IndexKeyType INSTANCE = new IndexKeyType();

    private IndexKeyType() {
    }

    @Override
    public int compare(byte[] a, byte[] b) {
        return Arrays.compareUnsigned(a, b);
    }

    @Override
    public int getMemory(byte[] key) {
        return 24 + key.length;
    }

    @Override
    public void write(WriteBuffer buffer, byte[] key) {
        buffer.putVarInt(key.length).put(key);
    }

    @Override
    public byte[] read(ByteBuffer buffer) {
        byte[] key = new byte[DataUtils.readVarInt(buffer)];
        buffer.get(key);
        return key;
    }

    @Override
    public byte[][] createStorage(int size) {
        return new byte[size][];
    }
}
