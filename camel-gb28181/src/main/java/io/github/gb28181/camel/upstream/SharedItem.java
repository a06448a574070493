package io.github.gb28181.camel.upstream;

import io.github.gb28181.camel.manscdp.model.CatalogItem;

/**
 * A channel as an upper platform's catalog lists it: the elements GB/T 28181 makes mandatory for a camera, filled
 * with what we know and neutral values for what we do not.
 */
public final class SharedItem {

    private SharedItem() {
    }

    /**
     * @param parentId the id it hangs under: ours (a flat list under the lower platform), or its device's
     * @param online   ON or OFF
     */
    public static CatalogItem of(String channelId, String name, String manufacturer, String model, String parentId,
                                 boolean online) {
        CatalogItem item = new CatalogItem();
        item.setDeviceId(channelId);
        item.setName(name != null ? name : channelId);
        item.setManufacturer(manufacturer);
        item.setModel(model);
        item.setOwner("Owner");
        item.setCivilCode(channelId.substring(0, 6));
        item.setAddress("Address");
        item.setParental(0);
        item.setParentId(parentId);
        item.setSafetyWay(0);
        item.setRegisterWay(1);
        item.setSecrecy(0);
        item.setStatus(online ? "ON" : "OFF");
        return item;
    }
}
