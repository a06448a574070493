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
    /**
     * A MobilePosition notify: 2016's position of the sender, or 2022's DeviceList of several. The registry keeps the
     * last position of the device and of each of its channels.
     */
    MOBILE_POSITION,
    /** A PTZPosition answer, or a notification of a PTZ position subscription (GB/T 28181-2022). */
    PTZ_POSITION,
    /**
     * A device uploaded the pictures a SnapShotConfig asked for (GB/T 28181-2022 UploadSnapShotFinished); its
     * SessionID is the one the configuration carried.
     */
    UPLOAD_SNAPSHOT_FINISHED,
    /** A device reports it is sending its live video back, and where it is (GB/T 28181-2022 VideoUploadNotify). */
    VIDEO_UPLOAD,
    /**
     * A device finished the firmware upgrade a deviceUpgrade command ordered (GB/T 28181-2022 DeviceUpgradeResult),
     * with its SessionID; on success the registry takes the firmware it now runs.
     */
    DEVICE_UPGRADE_RESULT,
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
