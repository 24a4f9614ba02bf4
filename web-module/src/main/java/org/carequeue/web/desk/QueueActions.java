package org.carequeue.web.desk;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.carequeue.api.audience.AudienceResponse;
import org.carequeue.api.queue.QueueResponse;
import org.carequeue.audience.AlreadyPicked;
import org.carequeue.audience.Audiences;
import org.carequeue.audience.NobodyWaiting;
import org.carequeue.platform.BusinessException;
import org.carequeue.queue.Queues;
import org.carequeue.web.faces.Feedback;

/**
 * What an agent does to a queue from the sidebar's queue menu or the queue view: pick, open,
 * close. A pick another agent won is a message on the page, never an error page.
 */
@Named
@RequestScoped
public class QueueActions {

    @Inject
    Audiences audiences;

    @Inject
    Queues queues;

    /** "Pick person from queue": the customer first in line. */
    public void pickNext(String queueId) {
        pick(queueId, null);
    }

    /** Picks this customer and opens the conversation. */
    public void pick(String queueId, String audienceId) {
        try {
            AudienceResponse picked = audiences.pick(queueId, audienceId);
            Feedback.redirect("/desk/conversation.xhtml?id=" + picked.audienceId());
        } catch (AlreadyPicked taken) {
            Feedback.warn("Another agent just picked this customer.");
        } catch (NobodyWaiting empty) {
            Feedback.info("Nobody is waiting in this queue right now.");
        } catch (BusinessException refused) {
            Feedback.refused(refused, null);
        }
    }

    public void open(String queueId) {
        try {
            QueueResponse queue = queues.open(queueId);
            Feedback.info(queue.name() + " is open: customers can join it.");
        } catch (BusinessException refused) {
            Feedback.refused(refused, null);
        }
    }

    public void close(String queueId) {
        try {
            QueueResponse queue = queues.close(queueId);
            Feedback.info(queue.name() + " is closed: nobody new can join; those waiting stay in line.");
        } catch (BusinessException refused) {
            Feedback.refused(refused, null);
        }
    }
}
