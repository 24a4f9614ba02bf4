package org.carequeue.api.site;

import java.util.List;
import java.util.Map;

/**
 * A site's whole configuration, as operators read and replace it ({@code GET|PUT
 * /api/v1/sites/{siteKey}}; {@code POST /api/v1/sites} creates one). {@code siteKey} and
 * {@code organizationId} are the server's: ignored in a request body.
 *
 * @param siteKey the public key the embed snippet names (random, URL-safe)
 * @param defaultLanguage {@code fi}, {@code en} or {@code sv}: shown when the page asks for none
 *        or one without a translation
 * @param texts per language code, the widget's texts
 * @param queueIds the queues the widget offers, in this order (queues of the organization)
 * @param autoQueueId when set, the customer goes straight into this queue (one of {@code queueIds})
 * @param rating whether the customer is asked for a rating at the end
 * @param attachments whether the widget offers sending files (the queue's setting still applies)
 * @param video whether the widget offers video calls (the queue's setting still applies)
 * @param allowedOrigins the pages that may embed the widget: {@code scheme://host[:port]} each
 */
public record SiteConfiguration(String siteKey, String organizationId, String name, String defaultLanguage,
                                Map<String, SiteTexts> texts, List<QuestionnaireField> preQuestionnaire,
                                List<QuestionnaireField> postQuestionnaire, List<String> queueIds,
                                String autoQueueId, boolean rating, boolean attachments, boolean video,
                                List<String> allowedOrigins) {

    /** The languages every site may be translated into, in the order the admin shows them. */
    public static final List<String> LANGUAGES = List.of("fi", "en", "sv");
    public static final int MAX_NAME_LENGTH = 100;
}
