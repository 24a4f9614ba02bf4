package org.carequeue.note;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.carequeue.agent.Agent;
import org.carequeue.agent.Callers;
import org.carequeue.api.note.AudienceNotesResponse;
import org.carequeue.api.note.NoteFieldRequest;
import org.carequeue.api.note.NoteFieldResponse;
import org.carequeue.api.note.NoteResponse;
import org.carequeue.audience.Audience;
import org.carequeue.audience.AudienceAccess;
import org.carequeue.platform.InvalidInput;
import org.carequeue.queue.Queue;
import org.carequeue.queue.QueueAccess;
import org.carequeue.security.Roles;

/** Note forms of queues (operators) and the notes agents save on audiences. */
@Stateless
public class Notes {

    static final int MAX_FIELDS = 30;

    @PersistenceContext
    EntityManager em;

    @Inject
    Callers callers;

    @Inject
    QueueAccess queues;

    @Inject
    AudienceAccess audiences;

    @RolesAllowed(Roles.OPERATOR)
    public List<NoteFieldResponse> fields(String queueId) {
        Queue queue = queues.forOperator(queueId, callers.currentOperator());
        return form(queue.id()).stream().map(NoteField::view).toList();
    }

    /**
     * Replaces a queue's note form with these fields, in this order. A field given with its id keeps
     * its saved notes; fields left out are removed with their notes. The queue's row lock makes two
     * operators' saves follow each other.
     */
    @RolesAllowed(Roles.OPERATOR)
    public List<NoteFieldResponse> replaceFields(String queueId, List<NoteFieldRequest> fields) {
        Agent operator = callers.currentOperator();
        Queue queue = queues.forOperatorToChange(queueId, operator);
        if (fields == null) {
            throw new InvalidInput("fields", "fields is required (an empty list removes the form)");
        }
        if (fields.size() > MAX_FIELDS) {
            throw new InvalidInput("fields", "a note form has at most " + MAX_FIELDS + " fields");
        }
        Map<String, NoteField> existing = form(queue.id()).stream()
                .collect(Collectors.toMap(NoteField::id, Function.identity()));
        Set<String> kept = new HashSet<>();
        List<NoteField> result = new ArrayList<>();
        for (int i = 0; i < fields.size(); i++) {
            NoteFieldRequest request = fields.get(i);
            String at = "fields[" + i + "]";
            if (request == null) {
                throw new InvalidInput(at, at + " is empty");
            }
            NoteField field;
            if (request.id() == null || request.id().isEmpty()) {
                field = new NoteField(operator.organizationId(), queue.id());
            } else {
                field = existing.get(request.id());
                if (field == null || !kept.add(field.id())) {
                    throw new NoteFieldNotFound(request.id());
                }
            }
            field.define(at, request.label(), request.kind(), request.options(), i);
            result.add(field);
        }
        for (NoteField dropped : existing.values()) {
            if (!kept.contains(dropped.id())) {
                em.createQuery("delete from Note n where n.fieldId = :field")
                        .setParameter("field", dropped.id()).executeUpdate();
                em.remove(dropped);
            }
        }
        result.stream().filter(f -> !existing.containsKey(f.id())).forEach(em::persist);
        return result.stream().map(NoteField::view).toList();
    }

    /** The audience's note form with its values; for its holder and its queue's members. */
    @RolesAllowed(Roles.AGENT)
    public AudienceNotesResponse ofAudience(String audienceId) {
        return view(audiences.forQueueMember(audienceId, callers.current()));
    }

    /**
     * Saves the given fields' values (others keep theirs; a blank value clears). Every value is
     * checked first, so a refusal changes nothing.
     */
    @RolesAllowed(Roles.AGENT)
    public AudienceNotesResponse save(String audienceId, Map<String, String> values) {
        Agent agent = callers.current();
        Audience audience = audiences.forWrapUp(audienceId, agent);
        if (values == null) {
            throw new InvalidInput("values", "values is required");
        }
        Map<String, NoteField> fields = form(audience.queueId()).stream()
                .collect(Collectors.toMap(NoteField::id, Function.identity()));
        Map<String, Note> notes = notes(audience.id());
        values.forEach((fieldId, value) -> {
            NoteField field = fields.get(fieldId);
            if (field == null) {
                throw new NoteFieldNotFound(fieldId);
            }
            String accepted = field.accept(value);
            Note note = notes.get(fieldId);
            if (accepted == null) {
                if (note != null) {
                    em.remove(note);
                }
            } else if (note == null) {
                Note created = new Note(audience.id(), fieldId);
                created.write(accepted, agent.id());
                em.persist(created);
            } else if (!accepted.equals(note.text())) {
                note.write(accepted, agent.id());
            }
        });
        em.flush();
        return view(audience);
    }

    private AudienceNotesResponse view(Audience audience) {
        Map<String, Note> notes = notes(audience.id());
        return new AudienceNotesResponse(audience.id(), form(audience.queueId()).stream()
                .map(field -> {
                    Note note = notes.get(field.id());
                    return new NoteResponse(field.id(), field.label(), field.kind().name(), field.optionList(),
                            note == null ? null : note.text());
                }).toList());
    }

    private List<NoteField> form(String queueId) {
        return em.createQuery("select f from NoteField f where f.queueId = :queue order by f.sortOrder, f.id",
                        NoteField.class)
                .setParameter("queue", queueId)
                .getResultList();
    }

    private Map<String, Note> notes(String audienceId) {
        return em.createQuery("select n from Note n where n.audienceId = :audience", Note.class)
                .setParameter("audience", audienceId)
                .getResultStream().collect(Collectors.toMap(Note::fieldId, Function.identity()));
    }
}
