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
    /** Any other MANSCDP document (DeviceControl and DeviceConfig results, vendor CmdTypes...). */
    RAW
}
