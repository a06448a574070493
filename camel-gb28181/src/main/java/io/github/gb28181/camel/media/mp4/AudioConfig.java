package io.github.gb28181.camel.media.mp4;

import io.github.gb28181.camel.media.codec.MediaCodec;

/**
 * The audio track of the init segment: AAC (mp4a with an esds carrying the AudioSpecificConfig, ISO/IEC 14496-3
 * 1.6.2.1) or G.711 (the QuickTime sample entries {@code alaw} and {@code ulaw}, which ffmpeg, VLC and GStreamer read
 * in an MP4 file; no browser does).
 *
 * @param codec        AAC, G711A or G711U
 * @param sampleRate   samples per second, also the track's timescale
 * @param channels     1 or more
 * @param objectType   AAC audio object type (2 for AAC LC); 0 for G.711
 * @param rateIndex    AAC sampling_frequency_index; 0 for G.711
 */
record AudioConfig(MediaCodec codec, int sampleRate, int channels, int objectType, int rateIndex) {

    static final int G711_RATE = 8000;

    static AudioConfig g711(MediaCodec codec) {
        return new AudioConfig(codec, G711_RATE, 1, 0, 0);
    }

    boolean isAac() {
        return codec == MediaCodec.AAC;
    }

    /** The RFC 6381 codec string, for AAC; G.711 has none a browser would accept. */
    String codecString() {
        return isAac() ? "mp4a.40." + objectType : codec == MediaCodec.G711A ? "alaw" : "ulaw";
    }

    void writeSampleEntry(BoxBuffer out) {
        int entry = out.begin(isAac() ? "mp4a" : codec == MediaCodec.G711A ? "alaw" : "ulaw");
        out.zeros(6);
        out.u16(1); // data_reference_index
        out.zeros(8); // reserved (version 0)
        out.u16(channels);
        out.u16(16); // samplesize
        out.u16(0);
        out.u16(0);
        out.u32((long) sampleRate << 16);
        if (isAac()) {
            writeEsds(out);
        }
        out.end(entry);
    }

    private void writeEsds(BoxBuffer out) {
        int esds = out.beginFull("esds", 0, 0);
        int asc = (objectType << 11) | (rateIndex << 7) | (channels << 3);
        out.u8(0x03); // ES_Descriptor
        out.u8(25);
        out.u16(0); // ES_ID
        out.u8(0); // no dependency, URL or OCR
        out.u8(0x04); // DecoderConfigDescriptor
        out.u8(17);
        out.u8(0x40); // objectTypeIndication: MPEG-4 audio
        out.u8(0x15); // streamType audio, upStream 0, reserved 1
        out.u24(0); // bufferSizeDB
        out.u32(0); // maxBitrate
        out.u32(0); // avgBitrate
        out.u8(0x05); // DecoderSpecificInfo: the AudioSpecificConfig
        out.u8(2);
        out.u16(asc);
        out.u8(0x06); // SLConfigDescriptor
        out.u8(1);
        out.u8(0x02); // predefined: MP4
        out.end(esds);
    }
}
