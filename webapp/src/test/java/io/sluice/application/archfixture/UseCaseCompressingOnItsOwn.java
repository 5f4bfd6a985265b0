package io.sluice.application.archfixture;

import net.jpountz.lz4.LZ4Factory;

/** Deliberately breaks the architecture: proves the specification catches compression outside the codec. */
public class UseCaseCompressingOnItsOwn {

    public int bound(int length) {
        return LZ4Factory.fastestInstance().fastCompressor().maxCompressedLength(length);
    }
}
