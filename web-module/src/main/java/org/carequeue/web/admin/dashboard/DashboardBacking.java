package org.carequeue.web.admin.dashboard;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.carequeue.statistics.DashboardNow;
import org.carequeue.statistics.LiveDashboard;

/** The live dashboard: read once per request; the page asks again when a signal says it changed. */
@Named
@RequestScoped
public class DashboardBacking {

    @Inject
    LiveDashboard dashboard;

    private DashboardNow now;

    public DashboardNow getNow() {
        if (now == null) {
            now = dashboard.now();
        }
        return now;
    }
}
