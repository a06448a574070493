package io.github.gb28181.camel.manscdp.model;

/**
 * DeviceStatus query ({@code Query/DeviceStatus}).
 */
public class DeviceStatusQuery extends HeaderOnlyQuery {

    public static final String CMD_TYPE = "DeviceStatus";

    @Override
    public String getCmdType() {
        return CMD_TYPE;
    }
}
