package org.carequeue.web.rest.statistics;

import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import org.carequeue.api.statistics.BreakdownResponse;
import org.carequeue.api.statistics.StatisticsAudiencePage;
import org.carequeue.api.statistics.StatisticsResponse;
import org.carequeue.statistics.Statistics;

/**
 * The organization's statistics over all its queues (operators), as JSON or, with {@code Accept:
 * text/csv}, as a CSV file of the same numbers. The drill-down may name one queue ({@code queueId}).
 */
@Path("/v1/statistics")
@Produces({StatisticsCsv.JSON, StatisticsCsv.CSV})
public class StatisticsResource {

    @Inject
    Statistics statistics;

    @GET
    public StatisticsResponse table(@BeanParam PeriodParams period) {
        return statistics.ofOrganization(period.period());
    }

    @GET
    @Path("/tags")
    public BreakdownResponse byTag(@BeanParam PeriodParams period) {
        return statistics.byTag(null, period.period());
    }

    @GET
    @Path("/agents")
    public BreakdownResponse byAgent(@BeanParam PeriodParams period) {
        return statistics.byAgent(null, period.period());
    }

    @GET
    @Path("/audiences")
    public StatisticsAudiencePage audiences(@BeanParam PeriodParams period, @BeanParam DrillDownParams drillDown,
                                            @QueryParam("queueId") String queueId) {
        return statistics.audiences(period.period(), drillDown.selection(queueId), drillDown.page(), drillDown.size());
    }
}
