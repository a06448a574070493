package io.github.gb28181.camel.manscdp.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.github.gb28181.camel.manscdp.ManscdpMessage;
import io.github.gb28181.camel.manscdp.RootKind;
import io.github.gb28181.camel.manscdp.XmlElement;
import java.util.ArrayList;
import java.util.List;

/**
 * Pictures uploaded ({@code Notify/UploadSnapShotFinished}, GB/T 28181-2022 A.2.5.7). Fewer file ids than pictures
 * asked for means some captures or uploads failed.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class UploadSnapShotFinishedNotify extends ManscdpMessage {

    public static final String CMD_TYPE = "UploadSnapShotFinished";

    private String sessionId;
    private List<String> snapShotFileIds = new ArrayList<>();

    @Override
    public RootKind getKind() {
        return RootKind.NOTIFY;
    }

    @Override
    public String getCmdType() {
        return CMD_TYPE;
    }

    /** the session id of the SnapShotConfig */
    public String getSessionId() {
        return sessionId;
    }

    public void setSessionId(String sessionId) {
        this.sessionId = sessionId;
    }

    /** the uploaded pictures' ids, at most 10 */
    public List<String> getSnapShotFileIds() {
        return snapShotFileIds;
    }

    public void setSnapShotFileIds(List<String> snapShotFileIds) {
        this.snapShotFileIds = snapShotFileIds == null ? new ArrayList<>() : new ArrayList<>(snapShotFileIds);
    }

    @Override
    protected void readBody(XmlElement root) {
        sessionId = root.string("SessionID");
        snapShotFileIds = root.strings("SnapShotList/SnapShotFileID");
    }

    @Override
    protected void writeBody(XmlElement root) {
        root.add("SessionID", sessionId);
        {
            XmlElement list = root.addChild("SnapShotList");
            for (String id : snapShotFileIds) {
                list.add("SnapShotFileID", id);
            }
        }
    }
}
