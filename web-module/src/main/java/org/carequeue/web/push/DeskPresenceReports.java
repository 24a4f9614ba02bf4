package org.carequeue.web.push;

import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.carequeue.agent.Presences;

/**
 * This node's reports of the desks it holds, so that the dashboards of every node count the
 * agents at a desk anywhere: at once when an agent's first desk here opens or their last one
 * closes, and every {@link Presences#BEAT_SECONDS} seconds all of them, which also mends a report
 * that failed. The node names itself with a random id at each start: a restarted node's old
 * reports go stale like a dead node's.
 */
@Singleton
@Lock(LockType.READ)
// Each report commits on its own; a failed one is logged here and mended by the next beat.
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DeskPresenceReports {

    private static final Logger LOG = Logger.getLogger(DeskPresenceReports.class.getName());

    private final String nodeId = UUID.randomUUID().toString();

    @Inject
    DeskSockets sockets;

    @Inject
    Presences presences;

    public void firstDeskOpened(String agentId) {
        try {
            presences.deskOpened(agentId, nodeId);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not report an open desk; the next beat does", e);
        }
    }

    public void lastDeskClosed(String agentId) {
        try {
            presences.deskClosed(agentId, nodeId);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not report a closed desk; the next beat does", e);
        }
    }

    @Schedule(hour = "*", minute = "*", second = "*/" + Presences.BEAT_SECONDS, persistent = false)
    void beat() {
        try {
            presences.desksOpen(nodeId, sockets.agentIds());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not renew this node's open desks", e);
        }
    }
}
