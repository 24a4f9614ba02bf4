package org.carequeue.web.rest.statistics;

import jakarta.ws.rs.QueryParam;
import org.carequeue.platform.InvalidInput;
import org.carequeue.statistics.StatisticsPeriod;

/**
 * The period of a statistics request: {@code from}, {@code to} (local dates, {@code to} exclusive),
 * {@code timeZone} (or its older name {@code zone}), {@code interval} and {@code serviceLevelSeconds}.
 * Numbers arrive as text so that a malformed one is a 400 naming its field, not JAX-RS's 404.
 */
public class PeriodParams {

    @QueryParam("from")
    String from;

    @QueryParam("to")
    String to;

    @QueryParam("timeZone")
    String timeZone;

    @QueryParam("zone")
    String zone;

    @QueryParam("interval")
    String interval;

    @QueryParam("serviceLevelSeconds")
    String serviceLevelSeconds;

    StatisticsPeriod period() {
        if (timeZone != null && zone != null && !timeZone.strip().equals(zone.strip())) {
            throw new InvalidInput("timeZone", "timeZone and zone name different time zones; give one");
        }
        Integer target = serviceLevelSeconds == null ? null : number("serviceLevelSeconds", serviceLevelSeconds);
        try {
            return StatisticsPeriod.of(from, to, timeZone != null ? timeZone : zone, interval, target);
        } catch (InvalidInput refusal) {
            // The refusal names the parameter the caller used.
            if (timeZone != null && "zone".equals(refusal.field())) {
                throw new InvalidInput("timeZone", refusal.getMessage().replaceFirst("^zone", "timeZone"));
            }
            throw refusal;
        }
    }

    static int number(String field, String value) {
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInput(field, field + " must be a whole number");
        }
    }
}
