package io.github.gb28181.camel.event;

/**
 * What happened. The consumer's {@code types} option filters on these names.
 */
public enum EventType {
    /** A device registered or refreshed its registration. Body: {@link Registration}. */
    REGISTER,
    /** A device unregistered (REGISTER with Expires: 0). Body: {@link Registration}. */
    UNREGISTER,
    /** A device became reachable: first registration, or a keepalive after it was offline. Body: {@link Presence}. */
    ONLINE,
    /** A device missed its keepalives, let its registration expire or unregistered. Body: {@link Presence}. */
    OFFLINE,
    /** A Keepalive notify. Body: the MANSCDP keepalive document. */
    KEEPALIVE,
    /** A Catalog answer or notify, aggregated across messages until SumNum. */
    CATALOG,
    /** A DeviceInfo answer. */
    DEVICE_INFO,
    /** A DeviceStatus answer. */
    DEVICE_STATUS,
    /** A RecordInfo answer, aggregated across messages until SumNum. */
    RECORD_INFO,
    /** An Alarm notify. */
    ALARM,
    /** A MobilePosition notify. */
    MOBILE_POSITION,
    /** A MediaStatus notify (121: the file being played back or downloaded has ended). */
    MEDIA_STATUS,
    /**
     * A media session ended: the device sent BYE, its recording ended (MediaStatus 121), it went offline, or the
     * platform sent BYE. Body: {@link io.github.gb28181.camel.sip.media.MediaSession} with its end reason.
     */
    SESSION_ENDED,
    /**
     * A device or address was locked out after too many failed authentications. Body:
     * {@link io.github.gb28181.camel.sip.auth.AccessPolicy.Lockout}.
     */
    AUTH_LOCKED,
    /**
     * We registered to an upper platform (cascade or device role), first or again after losing it. The event's
     * device id is the upper platform's id. Body: {@link io.github.gb28181.camel.upstream.UpstreamStatus}.
     */
    UPSTREAM_ONLINE,
    /**
     * We lost (or gave up) the registration to an upper platform: REGISTER refused or unanswered, keepalives
     * unanswered or refused, or we stopped. Body: {@link io.github.gb28181.camel.upstream.UpstreamStatus} with the
     * reason.
     */
    UPSTREAM_OFFLINE,
    /** Any other MANSCDP document (DeviceControl and DeviceConfig results, vendor CmdTypes...). */
    RAW
}
