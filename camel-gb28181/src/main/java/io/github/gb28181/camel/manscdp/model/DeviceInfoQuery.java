package io.github.gb28181.camel.manscdp.model;

/**
 * DeviceInfo query ({@code Query/DeviceInfo}).
 */
public class DeviceInfoQuery extends HeaderOnlyQuery {

    public static final String CMD_TYPE = "DeviceInfo";

    @Override
    public String getCmdType() {
        return CMD_TYPE;
    }
}
