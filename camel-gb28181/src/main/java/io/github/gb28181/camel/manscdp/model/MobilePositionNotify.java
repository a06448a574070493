package io.github.gb28181.camel.manscdp.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.github.gb28181.camel.manscdp.ManscdpMessage;
import io.github.gb28181.camel.manscdp.RootKind;
import io.github.gb28181.camel.manscdp.XmlElement;
import java.util.ArrayList;
import java.util.List;

/**
 * Position report of a mobile device ({@code Notify/MobilePosition}). GB/T 28181-2016 puts one position at the top
 * level; GB/T 28181-2022 sends SumNum and a DeviceList of positions, each with its own device id and capture time.
 * Both layouts are read; a 2022 document leaves the top-level position empty.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class MobilePositionNotify extends ManscdpMessage {

    public static final String CMD_TYPE = "MobilePosition";

    private String time;
    private Double longitude;
    private Double latitude;
    private Double speed;
    private Double direction;
    private Double altitude;
    private Integer sumNum;
    private List<MobilePositionItem> items = new ArrayList<>();

    @Override
    public RootKind getKind() {
        return RootKind.NOTIFY;
    }

    @Override
    public String getCmdType() {
        return CMD_TYPE;
    }

    /** as sent */
    public String getTime() {
        return time;
    }

    public void setTime(String time) {
        this.time = time;
    }

    public Double getLongitude() {
        return longitude;
    }

    public void setLongitude(Double longitude) {
        this.longitude = longitude;
    }

    public Double getLatitude() {
        return latitude;
    }

    public void setLatitude(Double latitude) {
        this.latitude = latitude;
    }

    /** km/h */
    public Double getSpeed() {
        return speed;
    }

    public void setSpeed(Double speed) {
        this.speed = speed;
    }

    /** degrees from north */
    public Double getDirection() {
        return direction;
    }

    public void setDirection(Double direction) {
        this.direction = direction;
    }

    /** metres */
    public Double getAltitude() {
        return altitude;
    }

    public void setAltitude(Double altitude) {
        this.altitude = altitude;
    }

    /** GB/T 28181-2022: the number of positions */
    public Integer getSumNum() {
        return sumNum;
    }

    public void setSumNum(Integer sumNum) {
        this.sumNum = sumNum;
    }

    /** GB/T 28181-2022: the positions, one per device */
    public List<MobilePositionItem> getItems() {
        return items;
    }

    public void setItems(List<MobilePositionItem> items) {
        this.items = items == null ? new ArrayList<>() : new ArrayList<>(items);
    }

    @Override
    protected void readBody(XmlElement root) {
        time = root.string("Time");
        longitude = root.decimal("Longitude");
        latitude = root.decimal("Latitude");
        speed = root.decimal("Speed");
        direction = root.decimal("Direction");
        altitude = root.decimal("Altitude");
        sumNum = root.integer("SumNum");
        items = new ArrayList<>();
        for (XmlElement e : root.children("DeviceList/Item")) {
            items.add(MobilePositionItem.read(e));
        }
    }

    @Override
    protected void writeBody(XmlElement root) {
        root.add("Time", time);
        root.add("Longitude", longitude);
        root.add("Latitude", latitude);
        root.add("Speed", speed);
        root.add("Direction", direction);
        root.add("Altitude", altitude);
        root.add("SumNum", sumNum);
        if (sumNum != null || !items.isEmpty()) {
            XmlElement list = root.addChild("DeviceList");
            list.setAttribute("Num", items.size());
            for (MobilePositionItem item : items) {
                item.write(list.addChild("Item"));
            }
        }
    }
}
