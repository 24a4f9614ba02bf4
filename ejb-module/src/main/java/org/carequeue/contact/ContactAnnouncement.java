package org.carequeue.contact;

import java.util.List;

/** Who hears of a new registered contact by e-mail, and of which queue: nothing of the contact itself. */
public record ContactAnnouncement(String queueId, String queueName, List<String> recipients) {
}
