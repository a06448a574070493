package io.github.gb28181.camel.sdp;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What a device's SDP tells the platform: where its media comes from (or, for a voice broadcast, where the platform's
 * audio must go), over what, with which SSRC. The video stream is read when there is one, else the audio stream. Read by
 * hand rather than with jain-sip's SDP parser, which rejects the {@code y=} and {@code f=} lines GB28181 adds; and
 * read leniently, because devices change or drop {@code y=}, omit rtpmaps and the final line break.
 *
 * @param sessionName   the {@code s=} value
 * @param mediaHost     the device's media address, from {@code c=} (media level first) or {@code o=}
 * @param media         video or audio: the stream read
 * @param mediaPort     the device's media port from {@code m=}
 * @param tcp           true when {@code m=} says TCP/RTP/AVP
 * @param setup         the {@code a=setup:} value, or null
 * @param payloadTypes  the payload types of {@code m=}
 * @param ssrc          the {@code y=} value, or null when the device left it out
 * @param format        the {@code f=} value, or null
 * @param fileSize      {@code a=filesize:} for downloads, or -1
 * @param downloadSpeed {@code a=downloadspeed:} (GB/T 28181-2022, an offer for a download), or -1
 * @param streamNumber  the stream number (GB/T 28181-2022 {@code a=streamnumber:}; the vendor spellings
 *                      {@code a=streamprofile:}, {@code a=stream:} and {@code a=streamMode:main|sub} when it is
 *                      absent), or -1 when the SDP names none, which means the main stream
 * @param uri           the {@code u=} value (the channel of a playback or download), or null
 * @param startTime     the {@code t=} start (0 for live, or when unreadable)
 * @param endTime       the {@code t=} end
 */
public record SdpAnswer(
        String sessionName, String mediaHost, String media, int mediaPort, boolean tcp, String setup, List<Integer> payloadTypes,
        String ssrc, String format, long fileSize, int downloadSpeed, int streamNumber, String uri, long startTime,
        long endTime) {

    /** An IPv4 or IPv6 address or a host name, with a multicast TTL/count suffix as c= allows. */
    private static final Pattern ADDRESS = Pattern.compile("[A-Za-z0-9.:\\-]+(/\\d+){0,2}");

    public static SdpAnswer parse(String sdp) {
        if (sdp == null || sdp.isBlank()) {
            throw new IllegalArgumentException("Empty SDP answer");
        }
        String sessionName = null;
        String originHost = null;
        String sessionHost = null;
        String mediaLevelHost = null;
        int port = -1;
        String media = null;
        boolean tcp = false;
        boolean inStream = false;
        boolean seenMedia = false;
        String setup = null;
        List<Integer> payloads = new ArrayList<>();
        String ssrc = null;
        String format = null;
        long fileSize = -1;
        int downloadSpeed = -1;
        int streamNumber = -1;
        int vendorStreamNumber = -1;
        String uri = null;
        long[] time = {0, 0};
        for (String raw : sdp.split("\r\n|\n|\r")) {
            String line = raw.strip();
            if (line.length() < 2 || line.charAt(1) != '=') {
                continue;
            }
            String value = line.substring(2).strip();
            switch (line.charAt(0)) {
                case 's' -> sessionName = value;
                case 'u' -> uri = value.isEmpty() ? null : value;
                case 't' -> time = times(value);
                case 'o' -> originHost = address(value, 6);
                case 'c' -> {
                    if (seenMedia) {
                        if (inStream) {
                            mediaLevelHost = address(value, 3);
                        }
                    } else {
                        sessionHost = address(value, 3);
                    }
                }
                case 'm' -> {
                    seenMedia = true;
                    String[] parts = value.split("\\s+");
                    String kind = parts[0].toLowerCase(Locale.ROOT);
                    // the first video stream wins; an audio stream only until a video one turns up
                    inStream = parts.length >= 3 && ("video".equals(kind) && !"video".equals(media)
                                                    || "audio".equals(kind) && media == null);
                    if (inStream) {
                        media = kind;
                        payloads.clear();
                        port = Integer.parseInt(parts[1].split("/")[0]);
                        tcp = parts[2].toUpperCase(Locale.ROOT).startsWith("TCP");
                        for (int i = 3; i < parts.length; i++) {
                            try {
                                payloads.add(Integer.parseInt(parts[i]));
                            } catch (NumberFormatException e) {
                                // a format name instead of a number: nothing to keep
                            }
                        }
                    }
                }
                case 'a' -> {
                    int colon = value.indexOf(':');
                    String name = (colon < 0 ? value : value.substring(0, colon)).strip().toLowerCase(Locale.ROOT);
                    String argument = colon < 0 ? "" : value.substring(colon + 1).strip();
                    if ("setup".equals(name)) {
                        setup = argument;
                    } else if ("filesize".equals(name)) {
                        fileSize = number(argument, Long.MAX_VALUE, fileSize);
                    } else if (!seenMedia || inStream) {
                        // attributes of another m= stream than the one read describe that stream, not ours
                        switch (name) {
                            case "downloadspeed" -> downloadSpeed = count(argument, downloadSpeed);
                            case "streamnumber" -> streamNumber = count(argument, streamNumber);
                            case "streamprofile", "stream" -> vendorStreamNumber = count(argument, vendorStreamNumber);
                            case "streammode" -> vendorStreamNumber = "main".equalsIgnoreCase(argument) ? 0
                                    : "sub".equalsIgnoreCase(argument) ? 1 : vendorStreamNumber;
                            default -> {
                                // rtpmap, direction and the rest carry nothing the platform needs
                            }
                        }
                    }
                }
                case 'y' -> ssrc = value.isEmpty() ? null : value;
                case 'f' -> format = value;
                default -> {
                    // other lines carry nothing the platform needs
                }
            }
        }
        if (port < 0) {
            throw new IllegalArgumentException("SDP answer has no m=video (or m=audio) line");
        }
        if (port > 65535) {
            throw new IllegalArgumentException("SDP answer has a media port out of range: " + port);
        }
        String host = mediaLevelHost != null ? mediaLevelHost : sessionHost != null ? sessionHost : originHost;
        if (host == null) {
            throw new IllegalArgumentException("SDP answer names no media address (c= or o=)");
        }
        return new SdpAnswer(sessionName, host, media, port, tcp, setup, List.copyOf(payloads), ssrc, format, fileSize,
                downloadSpeed, streamNumber >= 0 ? streamNumber : vendorStreamNumber, uri, time[0], time[1]);
    }

    /** The start and end of {@code t=}, or zeros when they are not two numbers. */
    private static long[] times(String value) {
        String[] parts = value.split("\\s+");
        long start = parts.length == 2 ? number(parts[0], Long.MAX_VALUE, -1) : -1;
        long end = parts.length == 2 ? number(parts[1], Long.MAX_VALUE, -1) : -1;
        return start < 0 || end < 0 ? new long[2] : new long[] {start, end};
    }

    private static int count(String text, int otherwise) {
        return (int) number(text, Integer.MAX_VALUE, otherwise);
    }

    /** A non-negative number up to {@code max}, or {@code otherwise} for garbage, a sign or a larger value. */
    private static long number(String text, long max, long otherwise) {
        if (text.isEmpty() || text.length() > 18 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return otherwise;
        }
        long value = Long.parseLong(text);
        return value > max ? otherwise : value;
    }

    /**
     * The address at the end of {@code c=} (3 fields) or {@code o=} (6 fields), or null when the line is cut short or
     * the address is not one: a media host that cannot be connected to is no better than none.
     */
    private static String address(String value, int fields) {
        String[] parts = value.split("\\s+");
        String address = parts[parts.length - 1];
        return parts.length >= fields && ADDRESS.matcher(address).matches() ? address : null;
    }
}
