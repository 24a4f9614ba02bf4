package org.carequeue.api.contact;

import java.util.Map;

/**
 * A registered contact as the queue's members see it: what the customer left, and the members'
 * comment with who wrote it last and when ({@code null}s until someone comments).
 */
public record ContactResponse(String id, String queueId, String registeredAt, String name, String email,
                              String phone, String message, Map<String, String> preAnswers, String comment,
                              String commentedById, String commentedByName, String commentedAt) {
}
