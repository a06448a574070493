package io.github.gb28181.camel.manscdp.model;

/**
 * Preset list query ({@code Query/PresetQuery}).
 */
public class PresetQuery extends HeaderOnlyQuery {

    public static final String CMD_TYPE = "PresetQuery";

    @Override
    public String getCmdType() {
        return CMD_TYPE;
    }
}
