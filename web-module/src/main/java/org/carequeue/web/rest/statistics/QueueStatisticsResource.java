package org.carequeue.web.rest.statistics;

import jakarta.enterprise.context.RequestScoped;
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
import org.carequeue.web.rest.ApiDocs;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** One queue's statistics (operators of its organization), as JSON or CSV; see {@link StatisticsResource}. */
@Tag(name = "Statistics", description = "Queue statistics as JSON or, with Accept: text/csv, as CSV (operators)")
@RequestScoped
@Path("/v1/queues/{queueId}/statistics")
@Produces({StatisticsCsv.JSON, StatisticsCsv.CSV})
public class QueueStatisticsResource {

    @Inject
    Statistics statistics;

    @PathParam("queueId")
    String queueId;

    @GET
    @Operation(operationId = "queueStatistics", summary = "One queue's statistics per interval")
    @Parameter(ref = "from")
    @Parameter(ref = "to")
    @Parameter(ref = "timeZone")
    @Parameter(ref = "zone")
    @Parameter(ref = "interval")
    @Parameter(ref = "serviceLevelSeconds")
    @SecurityRequirement(name = ApiDocs.BEARER)
    @APIResponseSchema(value = StatisticsResponse.class, responseDescription = "Metrics per interval with totals (CSV: one line per row)")
    @APIResponse(responseCode = "400", ref = ApiDocs.BAD_REQUEST)
    @APIResponse(responseCode = "401", ref = ApiDocs.UNAUTHORIZED)
    @APIResponse(responseCode = "403", ref = ApiDocs.FORBIDDEN)
    @APIResponse(responseCode = "404", ref = ApiDocs.NOT_FOUND)
    public StatisticsResponse table(@BeanParam PeriodParams period) {
        return statistics.ofQueue(queueId, period.period());
    }

    @GET
    @Path("/tags")
    @Operation(operationId = "queueStatisticsByTag", summary = "One queue's statistics per tag")
    @Parameter(ref = "from")
    @Parameter(ref = "to")
    @Parameter(ref = "timeZone")
    @Parameter(ref = "zone")
    @Parameter(ref = "interval")
    @Parameter(ref = "serviceLevelSeconds")
    @SecurityRequirement(name = ApiDocs.BEARER)
    @APIResponseSchema(value = BreakdownResponse.class, responseDescription = "Metrics per tag")
    @APIResponse(responseCode = "400", ref = ApiDocs.BAD_REQUEST)
    @APIResponse(responseCode = "401", ref = ApiDocs.UNAUTHORIZED)
    @APIResponse(responseCode = "403", ref = ApiDocs.FORBIDDEN)
    @APIResponse(responseCode = "404", ref = ApiDocs.NOT_FOUND)
    public BreakdownResponse byTag(@BeanParam PeriodParams period) {
        return statistics.byTag(queueId, period.period());
    }

    @GET
    @Path("/agents")
    @Operation(operationId = "queueStatisticsByAgent", summary = "One queue's statistics per agent")
    @Parameter(ref = "from")
    @Parameter(ref = "to")
    @Parameter(ref = "timeZone")
    @Parameter(ref = "zone")
    @Parameter(ref = "interval")
    @Parameter(ref = "serviceLevelSeconds")
    @SecurityRequirement(name = ApiDocs.BEARER)
    @APIResponseSchema(value = BreakdownResponse.class, responseDescription = "Metrics per agent")
    @APIResponse(responseCode = "400", ref = ApiDocs.BAD_REQUEST)
    @APIResponse(responseCode = "401", ref = ApiDocs.UNAUTHORIZED)
    @APIResponse(responseCode = "403", ref = ApiDocs.FORBIDDEN)
    @APIResponse(responseCode = "404", ref = ApiDocs.NOT_FOUND)
    public BreakdownResponse byAgent(@BeanParam PeriodParams period) {
        return statistics.byAgent(queueId, period.period());
    }

    @GET
    @Path("/audiences")
    @Operation(operationId = "queueStatisticsAudiences", summary = "The conversations behind a row of one queue's statistics, a page at a time")
    @Parameter(ref = "from")
    @Parameter(ref = "to")
    @Parameter(ref = "timeZone")
    @Parameter(ref = "zone")
    @Parameter(ref = "interval")
    @Parameter(ref = "serviceLevelSeconds")
    @Parameter(ref = "tagId")
    @Parameter(ref = "agentId")
    @Parameter(ref = "bucketStart")
    @Parameter(ref = "page")
    @Parameter(ref = "size")
    @SecurityRequirement(name = ApiDocs.BEARER)
    @APIResponseSchema(value = StatisticsAudiencePage.class, responseDescription = "A page of conversations")
    @APIResponse(responseCode = "400", ref = ApiDocs.BAD_REQUEST)
    @APIResponse(responseCode = "401", ref = ApiDocs.UNAUTHORIZED)
    @APIResponse(responseCode = "403", ref = ApiDocs.FORBIDDEN)
    @APIResponse(responseCode = "404", ref = ApiDocs.NOT_FOUND)
    public StatisticsAudiencePage audiences(@BeanParam PeriodParams period, @BeanParam DrillDownParams drillDown) {
        return statistics.audiences(period.period(), drillDown.selection(queueId), drillDown.page(), drillDown.size());
    }
}
