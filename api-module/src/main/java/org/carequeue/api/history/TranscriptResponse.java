package org.carequeue.api.history;

import java.util.List;
import java.util.Map;
import org.carequeue.api.message.MessageResponse;
import org.carequeue.api.note.NoteResponse;
import org.carequeue.api.tag.TagResponse;

/**
 * Everything kept of one audience, for operators. {@code agents} are the agents who picked it, in
 * order (a transfer adds the next one); {@code pickedAt} is the first pick. {@code messages} are in
 * {@code seq} order, system lines ("Transferred from ...") included, files as {@code attachment}.
 * {@code notes} hold the filled note fields only. Once retention deleted the conversation,
 * {@code transcriptDeletedAt} is set and messages, notes, metadata and answers are empty; the
 * times, agents, tags and rating stay.
 */
public record TranscriptResponse(String id, String customerName, String queueId, String queueName, String state,
                                 List<String> agents, String requestedAt, String pickedAt, String endedAt,
                                 String completedAt, String transcriptDeletedAt, List<MessageResponse> messages,
                                 List<TagResponse> tags, List<NoteResponse> notes, Map<String, String> metadata,
                                 Map<String, String> secureMetadata, Map<String, String> preAnswers,
                                 Integer rating, Map<String, String> postAnswers) {
}
