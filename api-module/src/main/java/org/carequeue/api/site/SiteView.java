package org.carequeue.api.site;

import java.util.List;
import org.carequeue.api.queue.PublicQueueResponse;

/**
 * What the widget needs to show a site, public ({@code GET /api/v1/sites/{siteKey}?lang=}): texts
 * and labels resolved for one language (the one asked for when the site supports it, else the
 * site's default; a text or label missing in it comes from the default language).
 *
 * @param language the language the texts are in
 * @param languages the languages the widget may ask for
 * @param queues the visible queues in the site's order, as {@code GET /api/v1/organizations/{id}/queues}
 *        shows them
 * @param autoQueueId the queue the customer goes straight into, or null to let them choose
 */
public record SiteView(String siteKey, String organizationId, String language, List<String> languages,
                       SiteTexts texts, List<SiteQuestion> preQuestionnaire, List<SiteQuestion> postQuestionnaire,
                       List<PublicQueueResponse> queues, String autoQueueId, boolean rating, boolean attachments,
                       boolean video) {
}
