package org.carequeue.web.rest.statistics;

import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import org.carequeue.api.statistics.BreakdownResponse;
import org.carequeue.api.statistics.StatisticsAudiencePage;
import org.carequeue.api.statistics.StatisticsResponse;
import org.carequeue.statistics.Statistics;

/** One queue's statistics (operators of its organization), as JSON or CSV; see {@link StatisticsResource}. */
@Path("/v1/queues/{queueId}/statistics")
@Produces({StatisticsCsv.JSON, StatisticsCsv.CSV})
public class QueueStatisticsResource {

    @Inject
    Statistics statistics;

    @PathParam("queueId")
    String queueId;

    @GET
    public StatisticsResponse table(@BeanParam PeriodParams period) {
        return statistics.ofQueue(queueId, period.period());
    }

    @GET
    @Path("/tags")
    public BreakdownResponse byTag(@BeanParam PeriodParams period) {
        return statistics.byTag(queueId, period.period());
    }

    @GET
    @Path("/agents")
    public BreakdownResponse byAgent(@BeanParam PeriodParams period) {
        return statistics.byAgent(queueId, period.period());
    }

    @GET
    @Path("/audiences")
    public StatisticsAudiencePage audiences(@BeanParam PeriodParams period, @BeanParam DrillDownParams drillDown) {
        return statistics.audiences(period.period(), drillDown.selection(queueId), drillDown.page(), drillDown.size());
    }
}
