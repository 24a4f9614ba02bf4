package org.carequeue.web.push;

/** Something an organization's live dashboards show changed; they re-read it all. */
public record DashboardSignal(String organizationId) {
}
