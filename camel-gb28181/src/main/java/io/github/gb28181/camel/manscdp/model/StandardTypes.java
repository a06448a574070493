package io.github.gb28181.camel.manscdp.model;

import io.github.gb28181.camel.manscdp.ManscdpCodec;
import io.github.gb28181.camel.manscdp.RootKind;

/**
 * The document types of GB/T 28181-2016 and 2022 that have a typed model; everything else decodes raw. The 2022 types
 * are registered for every device: a CmdType names one document whichever revision the sender speaks.
 */
public final class StandardTypes {

    private StandardTypes() {
    }

    /** A codec of the standard document types, a 1 MiB cap and GB2312 as default charset. */
    public static ManscdpCodec codec() {
        return builder().build();
    }

    /** A codec builder with the standard document types registered, for vendor types or other limits. */
    public static ManscdpCodec.Builder builder() {
        ManscdpCodec.Builder b = ManscdpCodec.builder();
        registerAll(b);
        return b;
    }

    private static void registerAll(ManscdpCodec.Builder b) {
        b.register(RootKind.NOTIFY, KeepaliveNotify.CMD_TYPE, KeepaliveNotify::new);
        b.register(RootKind.NOTIFY, AlarmNotify.CMD_TYPE, AlarmNotify::new);
        b.register(RootKind.NOTIFY, MobilePositionNotify.CMD_TYPE, MobilePositionNotify::new);
        b.register(RootKind.NOTIFY, MediaStatusNotify.CMD_TYPE, MediaStatusNotify::new);
        b.register(RootKind.NOTIFY, CatalogNotify.CMD_TYPE, CatalogNotify::new);
        b.register(RootKind.NOTIFY, BroadcastNotify.CMD_TYPE, BroadcastNotify::new);
        b.register(RootKind.NOTIFY, PtzPositionReport.CMD_TYPE, PtzPositionNotify::new);
        b.register(RootKind.NOTIFY, UploadSnapShotFinishedNotify.CMD_TYPE, UploadSnapShotFinishedNotify::new);
        b.register(RootKind.NOTIFY, VideoUploadNotify.CMD_TYPE, VideoUploadNotify::new);
        b.register(RootKind.NOTIFY, DeviceUpgradeResultNotify.CMD_TYPE, DeviceUpgradeResultNotify::new);

        b.register(RootKind.QUERY, CatalogQuery.CMD_TYPE, CatalogQuery::new);
        b.register(RootKind.QUERY, DeviceInfoQuery.CMD_TYPE, DeviceInfoQuery::new);
        b.register(RootKind.QUERY, DeviceStatusQuery.CMD_TYPE, DeviceStatusQuery::new);
        b.register(RootKind.QUERY, RecordInfoQuery.CMD_TYPE, RecordInfoQuery::new);
        b.register(RootKind.QUERY, PresetQuery.CMD_TYPE, PresetQuery::new);
        b.register(RootKind.QUERY, ConfigDownloadQuery.CMD_TYPE, ConfigDownloadQuery::new);
        b.register(RootKind.QUERY, MobilePositionQuery.CMD_TYPE, MobilePositionQuery::new);
        b.register(RootKind.QUERY, AlarmQuery.CMD_TYPE, AlarmQuery::new);
        b.register(RootKind.QUERY, HomePositionQuery.CMD_TYPE, HomePositionQuery::new);
        b.register(RootKind.QUERY, CruiseTrackListQuery.CMD_TYPE, CruiseTrackListQuery::new);
        b.register(RootKind.QUERY, CruiseTrackQuery.CMD_TYPE, CruiseTrackQuery::new);
        b.register(RootKind.QUERY, PtzPositionQuery.CMD_TYPE, PtzPositionQuery::new);
        b.register(RootKind.QUERY, SdCardStatusQuery.CMD_TYPE, SdCardStatusQuery::new);

        b.register(RootKind.RESPONSE, CatalogResponse.CMD_TYPE, CatalogResponse::new);
        b.register(RootKind.RESPONSE, DeviceInfoResponse.CMD_TYPE, DeviceInfoResponse::new);
        b.register(RootKind.RESPONSE, DeviceStatusResponse.CMD_TYPE, DeviceStatusResponse::new);
        b.register(RootKind.RESPONSE, RecordInfoResponse.CMD_TYPE, RecordInfoResponse::new);
        b.register(RootKind.RESPONSE, PresetQueryResponse.CMD_TYPE, PresetQueryResponse::new);
        b.register(RootKind.RESPONSE, ConfigDownloadResponse.CMD_TYPE, ConfigDownloadResponse::new);
        b.register(RootKind.RESPONSE, HomePositionQueryResponse.CMD_TYPE, HomePositionQueryResponse::new);
        b.register(RootKind.RESPONSE, CruiseTrackListResponse.CMD_TYPE, CruiseTrackListResponse::new);
        b.register(RootKind.RESPONSE, CruiseTrackResponse.CMD_TYPE, CruiseTrackResponse::new);
        b.register(RootKind.RESPONSE, PtzPositionReport.CMD_TYPE, PtzPositionResponse::new);
        b.register(RootKind.RESPONSE, SdCardStatusResponse.CMD_TYPE, SdCardStatusResponse::new);
        for (String cmd : new String[] { DeviceControl.CMD_TYPE, DeviceConfig.CMD_TYPE, AlarmNotify.CMD_TYPE,
                BroadcastNotify.CMD_TYPE }) {
            b.register(RootKind.RESPONSE, cmd, ResultResponse::new);
        }

        b.register(RootKind.CONTROL, DeviceControl.CMD_TYPE, DeviceControl::new);
        b.register(RootKind.CONTROL, DeviceConfig.CMD_TYPE, DeviceConfig::new);
    }
}
