package org.carequeue.api.note;

import java.util.List;

/**
 * One field of a queue's note form. {@code id} names an existing field (its saved notes stay) or is
 * null for a new one. {@code kind}: {@code TEXT}, {@code TEXTAREA} or {@code CHOICE};
 * {@code options} only for a choice (1-50 distinct options). The list's order is the form's order.
 */
public record NoteFieldRequest(String id, String label, String kind, List<String> options) {
}
