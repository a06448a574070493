package io.github.gb28181.camel.manscdp.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.github.gb28181.camel.manscdp.XmlElement;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The current encoding of each stream ({@code <VideoParamAttribute>}, GB/T 28181-2022 A.2.1.13).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public final class VideoParamAttribute {

    private List<VideoStreamAttribute> streams = new ArrayList<>();

    public List<VideoStreamAttribute> getStreams() {
        return streams;
    }

    public void setStreams(List<VideoStreamAttribute> streams) {
        this.streams = streams == null ? new ArrayList<>() : new ArrayList<>(streams);
    }

    static VideoParamAttribute read(XmlElement e) {
        if (e == null) {
            return null;
        }
        VideoParamAttribute v = new VideoParamAttribute();
        v.streams = new ArrayList<>();
        for (XmlElement c : e.children("Item")) {
            v.streams.add(VideoStreamAttribute.read(c));
        }
        return v;
    }

    void write(XmlElement e) {
        e.setAttribute("Num", streams.size());
        for (VideoStreamAttribute item : streams) {
            item.write(e.addChild("Item"));
        }
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof VideoParamAttribute)) {
            return false;
        }
        VideoParamAttribute other = (VideoParamAttribute) o;
        return Objects.equals(streams, other.streams);
    }

    @Override
    public int hashCode() {
        return Objects.hash(streams);
    }

    @Override
    public String toString() {
        return "VideoParamAttribute{" + "streams=" + streams + "}";
    }
}
