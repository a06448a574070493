package io.github.gb28181.camel.cascade;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.github.gb28181.camel.manscdp.model.CatalogItem;

/**
 * What an upper platform last heard of our shared channels (each one's status), so a change below becomes the
 * catalog notification GB/T 28181 has for it: ADD for a channel newly shared, DEL for one gone, ON and OFF for a
 * status change. Safe for concurrent use: devices report on different threads.
 */
final class CatalogChanges {

    private final Map<String, Known> known = new HashMap<>();

    private record Known(String deviceId, String status) {
    }

    /** Takes the current view as known, without reporting anything. */
    synchronized void reset(List<CatalogItem> items, Function<CatalogItem, String> owner) {
        known.clear();
        for (CatalogItem item : items) {
            known.put(item.getDeviceId(), new Known(owner.apply(item), item.getStatus()));
        }
    }

    /**
     * Compares a device's shared channels now with what was known of them.
     *
     * @param deviceId the device whose channels these are
     * @param current  its shared channels as catalog items, status filled in
     * @return the changes, as catalog items with Event set, in the order ADD/ON/OFF then DEL
     */
    synchronized List<CatalogItem> device(String deviceId, List<CatalogItem> current) {
        List<CatalogItem> changes = new ArrayList<>();
        Set<String> present = current.stream().map(CatalogItem::getDeviceId).collect(Collectors.toSet());
        for (CatalogItem item : current) {
            Known before = known.put(item.getDeviceId(), new Known(deviceId, item.getStatus()));
            if (before == null) {
                changes.add(withEvent(item, "ADD"));
            } else if (!item.getStatus().equals(before.status())) {
                changes.add(withEvent(item, item.getStatus()));
            }
        }
        List<String> gone = new ArrayList<>();
        known.forEach((channelId, k) -> {
            if (k.deviceId().equals(deviceId) && !present.contains(channelId)) {
                gone.add(channelId);
            }
        });
        for (String channelId : gone) {
            known.remove(channelId);
            CatalogItem removed = new CatalogItem();
            removed.setDeviceId(channelId);
            removed.setEvent("DEL");
            changes.add(removed);
        }
        return changes;
    }

    private static CatalogItem withEvent(CatalogItem item, String event) {
        item.setEvent(event);
        return item;
    }
}
