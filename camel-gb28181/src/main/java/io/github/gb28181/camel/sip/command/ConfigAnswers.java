package io.github.gb28181.camel.sip.command;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import io.github.gb28181.camel.manscdp.ManscdpMessage;
import io.github.gb28181.camel.manscdp.StatusFlag;
import io.github.gb28181.camel.manscdp.model.ConfigDownloadResponse;
import io.github.gb28181.camel.manscdp.model.ConfigType;

/**
 * The answer to a ConfigDownload query for several sets (GB/T 28181-2022 A.2.4.7: {@code VideoParamAttribute/OSDConfig}),
 * which a device may give as one response per set, all with the query's SN: the responses are gathered until every
 * set asked for is in, or one says ERROR, and merged into one.
 */
final class ConfigAnswers implements ResponseWaiters.Gatherer {

    private final Set<ConfigType> missing;
    private final List<ConfigDownloadResponse> parts = new ArrayList<>();
    private boolean refused;

    ConfigAnswers(List<ConfigType> asked) {
        this.missing = EnumSet.copyOf(asked);
    }

    @Override
    public synchronized ManscdpMessage add(ManscdpMessage response) {
        if (!(response instanceof ConfigDownloadResponse part)) {
            return response; // not ours to merge: let it through as it is
        }
        parts.add(part);
        part.carriedSets().forEach(missing::remove);
        refused |= part.getResult() != null && part.getResultFlag() == StatusFlag.OFF;
        return refused || missing.isEmpty() ? ConfigDownloadResponse.merge(parts) : null;
    }

    @Override
    public synchronized ManscdpMessage soFar() {
        return parts.isEmpty() ? null : ConfigDownloadResponse.merge(parts);
    }
}
