package io.github.gb28181.camel;

import java.util.function.Consumer;

import io.github.gb28181.camel.manscdp.model.BasicParam;
import io.github.gb28181.camel.manscdp.model.ConfigDownloadQuery;
import io.github.gb28181.camel.manscdp.model.DeviceConfig;
import io.github.gb28181.camel.manscdp.model.DeviceControl;
import io.github.gb28181.camel.manscdp.model.MobilePositionQuery;
import io.github.gb28181.camel.manscdp.model.RecordInfoQuery;
import io.github.gb28181.camel.manscdp.ptz.PtzCmd;

/**
 * The MANSCDP documents commands send that need more than a constructor: options and headers filled in.
 */
final class CommandDocuments {

    private CommandDocuments() {
    }

    static RecordInfoQuery recordInfo(CommandInput in) {
        RecordInfoQuery query = new RecordInfoQuery();
        query.setStartTime(in.startTime());
        query.setEndTime(in.endTime());
        query.setType(in.endpoint().getRecordType());
        query.setSecrecy(0);
        return query;
    }

    static ConfigDownloadQuery configDownload(CommandInput in) {
        ConfigDownloadQuery query = new ConfigDownloadQuery();
        query.setConfigType(in.endpoint().getConfigType());
        return query;
    }

    static MobilePositionQuery mobilePosition(CommandInput in) {
        MobilePositionQuery query = new MobilePositionQuery();
        query.setInterval(in.endpoint().getInterval());
        return query;
    }

    static DeviceConfig deviceConfig(CommandInput in) {
        DeviceConfig config = new DeviceConfig();
        config.setBasicParam(in.body(BasicParam.class));
        return config;
    }

    static DeviceControl ptz(PtzCmd cmd) {
        return control(c -> c.setPtzCmd(cmd.toHex()));
    }

    static DeviceControl control(Consumer<DeviceControl> setup) {
        DeviceControl control = new DeviceControl();
        setup.accept(control);
        return control;
    }
}
