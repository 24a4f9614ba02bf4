package org.carequeue.web.rest.statistics;

import jakarta.ws.rs.QueryParam;
import org.carequeue.statistics.AudienceSelection;

/** Which audiences of the period a drill-down lists, and which page ({@code page} from 0, {@code size} up to 200). */
public class DrillDownParams {

    static final int DEFAULT_SIZE = 50;

    @QueryParam("tagId")
    String tagId;

    @QueryParam("agentId")
    String agentId;

    @QueryParam("bucketStart")
    String bucketStart;

    @QueryParam("page")
    String page;

    @QueryParam("size")
    String size;

    AudienceSelection selection(String queueId) {
        return new AudienceSelection(blankless(queueId), blankless(tagId), blankless(agentId), blankless(bucketStart));
    }

    int page() {
        return page == null ? 0 : PeriodParams.number("page", page);
    }

    int size() {
        return size == null ? DEFAULT_SIZE : PeriodParams.number("size", size);
    }

    private static String blankless(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
