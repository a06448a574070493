package io.github.gb28181.camel.manscdp.model;

import io.github.gb28181.camel.manscdp.ManscdpCodec;
import io.github.gb28181.camel.manscdp.RootKind;

/** The document types of GB/T 28181-2016 that have a typed model; everything else decodes raw. */
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

        b.register(RootKind.QUERY, CatalogQuery.CMD_TYPE, CatalogQuery::new);
        b.register(RootKind.QUERY, DeviceInfoQuery.CMD_TYPE, DeviceInfoQuery::new);
        b.register(RootKind.QUERY, DeviceStatusQuery.CMD_TYPE, DeviceStatusQuery::new);
        b.register(RootKind.QUERY, RecordInfoQuery.CMD_TYPE, RecordInfoQuery::new);
        b.register(RootKind.QUERY, PresetQuery.CMD_TYPE, PresetQuery::new);
        b.register(RootKind.QUERY, ConfigDownloadQuery.CMD_TYPE, ConfigDownloadQuery::new);
        b.register(RootKind.QUERY, MobilePositionQuery.CMD_TYPE, MobilePositionQuery::new);
        b.register(RootKind.QUERY, AlarmQuery.CMD_TYPE, AlarmQuery::new);

        b.register(RootKind.RESPONSE, CatalogResponse.CMD_TYPE, CatalogResponse::new);
        b.register(RootKind.RESPONSE, DeviceInfoResponse.CMD_TYPE, DeviceInfoResponse::new);
        b.register(RootKind.RESPONSE, DeviceStatusResponse.CMD_TYPE, DeviceStatusResponse::new);
        b.register(RootKind.RESPONSE, RecordInfoResponse.CMD_TYPE, RecordInfoResponse::new);
        b.register(RootKind.RESPONSE, PresetQueryResponse.CMD_TYPE, PresetQueryResponse::new);
        b.register(RootKind.RESPONSE, ConfigDownloadResponse.CMD_TYPE, ConfigDownloadResponse::new);
        for (String cmd : new String[] { DeviceControl.CMD_TYPE, DeviceConfig.CMD_TYPE, AlarmNotify.CMD_TYPE,
                BroadcastNotify.CMD_TYPE }) {
            b.register(RootKind.RESPONSE, cmd, ResultResponse::new);
        }

        b.register(RootKind.CONTROL, DeviceControl.CMD_TYPE, DeviceControl::new);
        b.register(RootKind.CONTROL, DeviceConfig.CMD_TYPE, DeviceConfig::new);
    }
}
