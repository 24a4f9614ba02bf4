package org.carequeue.web.rest.statistics;

import jakarta.ws.rs.QueryParam;
import org.carequeue.platform.InvalidInput;
import org.carequeue.statistics.StatisticsPeriod;

/**
 * The period of a statistics request: {@code from}, {@code to} (local dates, {@code to} exclusive),
 * {@code zone}, {@code interval} and {@code serviceLevelSeconds}. Numbers arrive as text so that a
 * malformed one is a 400 naming its field, not JAX-RS's 404.
 */
public class PeriodParams {

    @QueryParam("from")
    String from;

    @QueryParam("to")
    String to;

    @QueryParam("zone")
    String zone;

    @QueryParam("interval")
    String interval;

    @QueryParam("serviceLevelSeconds")
    String serviceLevelSeconds;

    StatisticsPeriod period() {
        return StatisticsPeriod.of(from, to, zone, interval,
                serviceLevelSeconds == null ? null : number("serviceLevelSeconds", serviceLevelSeconds));
    }

    static int number(String field, String value) {
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInput(field, field + " must be a whole number");
        }
    }
}
