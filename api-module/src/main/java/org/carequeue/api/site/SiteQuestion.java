package org.carequeue.api.site;

import java.util.List;

/** A questionnaire field as the widget shows it: the label in the chosen language. */
public record SiteQuestion(String name, String label, String type, boolean required, List<SiteOption> options) {
}
