package org.carequeue.api.site;

/** A choice of a questionnaire field as the widget shows it: the label in the chosen language. */
public record SiteOption(String value, String label) {
}
