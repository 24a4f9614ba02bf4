package org.carequeue.agent;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;

/** Hourly clean-up of expired API sessions and invitation links. Non-persistent: every node ticks; deleting twice is harmless. */
@Singleton
public class ExpiredSessions {

    @Inject
    Agents agents;

    @Schedule(hour = "*", minute = "17", persistent = false)
    void tick() {
        agents.forgetExpiredSessions();
    }
}
