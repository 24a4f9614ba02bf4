package org.carequeue.tag;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.carequeue.agent.Agent;
import org.carequeue.agent.Callers;
import org.carequeue.api.problem.ErrorCode;
import org.carequeue.api.tag.TagResponse;
import org.carequeue.api.tag.TagRuleResponse;
import org.carequeue.audience.Audience;
import org.carequeue.audience.AudienceAccess;
import org.carequeue.platform.AlreadyTaken;
import org.carequeue.platform.BusinessException;
import org.carequeue.platform.InvalidInput;
import org.carequeue.queue.QueueAccess;
import org.carequeue.security.Roles;

/**
 * The tag use cases: operators shape the organization's tag tree and its automatic rules; agents
 * put tags on the audiences of their queues ({@link AnswerTags} tags a new request from its answers).
 */
@Stateless
public class Tags {

    /** More tags than anyone can choose from; also bounds a PUT of an audience's tags. */
    static final int MAX_TAGS = 500;
    static final int MAX_RULES = 500;

    @PersistenceContext
    EntityManager em;

    @Inject
    Callers callers;

    @Inject
    AudienceAccess audiences;

    @Inject
    QueueAccess queues;

    /** The organization's tree in display order: each category, by name, followed by its subcategories. */
    @RolesAllowed(Roles.AGENT)
    public List<TagResponse> tree() {
        return tree(callers.current().organizationId());
    }

    @RolesAllowed(Roles.OPERATOR)
    public TagResponse create(String name, String colour, String parentId) {
        Agent operator = callers.currentOperator();
        Tag parent = parentId == null || parentId.isEmpty() ? null : inOrganization(parentId, operator, "parentId");
        Tag tag = new Tag(operator.organizationId(), parent, name, colour);
        requireFreeName(tag);
        em.persist(tag);
        return tag.view(parent == null ? null : parent.name());
    }

    /** Renames and/or recolours; a null keeps what it is. */
    @RolesAllowed(Roles.OPERATOR)
    public TagResponse change(String tagId, String name, String colour) {
        Tag tag = inOrganization(tagId, callers.currentOperator(), null);
        if (name != null) {
            tag.rename(name);
            requireFreeName(tag);
        }
        if (colour != null) {
            tag.recolour(colour);
        }
        return tag.view(tag.parentId() == null ? null : em.find(Tag.class, tag.parentId()).name());
    }

    /**
     * Deletes a tag: it leaves every audience that carries it, and its rules go. A category with
     * subcategories is refused, so a whole branch is never deleted by one click.
     */
    @RolesAllowed(Roles.OPERATOR)
    public void delete(String tagId) {
        Tag tag = inOrganization(tagId, callers.currentOperator(), null);
        long children = em.createQuery("select count(t) from Tag t where t.parentId = :id", Long.class)
                .setParameter("id", tag.id()).getSingleResult();
        if (children > 0) {
            throw new BusinessException(ErrorCode.TAG_HAS_SUBTAGS,
                    tag.name() + " has " + children + " subcategories; delete them first");
        }
        em.createQuery("delete from AudienceTag a where a.tagId = :id").setParameter("id", tag.id()).executeUpdate();
        em.createQuery("delete from TagRule r where r.tagId = :id").setParameter("id", tag.id()).executeUpdate();
        em.remove(tag);
    }

    /** The audience's tags in tree order; for its holder and its queue's members. */
    @RolesAllowed(Roles.AGENT)
    public List<TagResponse> ofAudience(String audienceId) {
        Agent agent = callers.current();
        return tagsOf(audiences.forQueueMember(audienceId, agent), agent.organizationId());
    }

    /** Adds one tag (adding a tag it already has changes nothing); the answer is the audience's tags. */
    @RolesAllowed(Roles.AGENT)
    public List<TagResponse> tagAudience(String audienceId, String tagId) {
        Agent agent = callers.current();
        Audience audience = audiences.forWrapUp(audienceId, agent);
        Tag tag = inOrganization(tagId, agent, "tagId");
        if (!carried(audience.id()).contains(tag.id())) {
            em.persist(new AudienceTag(audience.id(), tag.id(), agent.id()));
        }
        return tagsOf(audience, agent.organizationId());
    }

    @RolesAllowed(Roles.AGENT)
    public List<TagResponse> untagAudience(String audienceId, String tagId) {
        Agent agent = callers.current();
        Audience audience = audiences.forWrapUp(audienceId, agent);
        em.createQuery("delete from AudienceTag a where a.audienceId = :audience and a.tagId = :tag")
                .setParameter("audience", audience.id())
                .setParameter("tag", tagId)
                .executeUpdate();
        return tagsOf(audience, agent.organizationId());
    }

    /** Makes the audience carry exactly these tags (the REST PUT); unknown ids are refused, changing nothing. */
    @RolesAllowed(Roles.AGENT)
    public List<TagResponse> replaceAudienceTags(String audienceId, Collection<String> tagIds) {
        Agent agent = callers.current();
        Audience audience = audiences.forWrapUp(audienceId, agent);
        if (tagIds == null) {
            throw new InvalidInput("tagIds", "tagIds is required (an empty list removes every tag)");
        }
        if (tagIds.size() > MAX_TAGS) {
            throw new InvalidInput("tagIds", "tagIds may hold at most " + MAX_TAGS + " tags");
        }
        Set<String> wanted = new LinkedHashSet<>();
        for (String tagId : tagIds) {
            wanted.add(inOrganization(tagId, agent, "tagIds").id());
        }
        Set<String> carried = carried(audience.id());
        em.createQuery("select a from AudienceTag a where a.audienceId = :audience", AudienceTag.class)
                .setParameter("audience", audience.id())
                .getResultStream().filter(a -> !wanted.contains(a.tagId())).forEach(em::remove);
        wanted.stream().filter(id -> !carried.contains(id))
                .forEach(id -> em.persist(new AudienceTag(audience.id(), id, agent.id())));
        em.flush();
        return tagsOf(audience, agent.organizationId());
    }

    @RolesAllowed(Roles.OPERATOR)
    public List<TagRuleResponse> rules() {
        return em.createQuery("select r from TagRule r where r.organizationId = :org order by r.createdAt, r.id",
                        TagRule.class)
                .setParameter("org", callers.currentOperator().organizationId())
                .getResultStream().map(TagRule::view).toList();
    }

    /** A rule for one queue of the organization, or for all of them ({@code queueId} null). */
    @RolesAllowed(Roles.OPERATOR)
    public TagRuleResponse addRule(String queueId, String field, String value, String tagId) {
        Agent operator = callers.currentOperator();
        String queue = queueId == null || queueId.isEmpty() ? null : queues.forOperator(queueId, operator).id();
        Tag tag = inOrganization(tagId, operator, "tagId");
        long existing = em.createQuery("select count(r) from TagRule r where r.organizationId = :org", Long.class)
                .setParameter("org", operator.organizationId()).getSingleResult();
        if (existing >= MAX_RULES) {
            throw new InvalidInput("An organization has at most " + MAX_RULES + " tag rules");
        }
        TagRule rule = new TagRule(operator.organizationId(), queue, field, value, tag.id());
        em.persist(rule);
        return rule.view();
    }

    @RolesAllowed(Roles.OPERATOR)
    public void deleteRule(String ruleId) {
        Agent operator = callers.currentOperator();
        TagRule rule = ruleId == null ? null : em.find(TagRule.class, ruleId);
        if (rule == null || !rule.organizationId().equals(operator.organizationId())) {
            throw new TagRuleNotFound();
        }
        em.remove(rule);
    }

    private List<TagResponse> tagsOf(Audience audience, String organizationId) {
        Set<String> carried = carried(audience.id());
        return tree(organizationId).stream().filter(t -> carried.contains(t.id())).toList();
    }

    private Set<String> carried(String audienceId) {
        return AnswerTags.carried(em, audienceId);
    }

    private List<TagResponse> tree(String organizationId) {
        List<Tag> all = em.createQuery("select t from Tag t where t.organizationId = :org order by t.nameKey",
                        Tag.class)
                .setParameter("org", organizationId)
                .setMaxResults(MAX_TAGS)
                .getResultList();
        Map<String, Tag> byId = all.stream().collect(Collectors.toMap(Tag::id, Function.identity()));
        List<TagResponse> ordered = new ArrayList<>();
        all.stream().filter(t -> t.parentId() == null).forEach(category -> {
            ordered.add(category.view(null));
            all.stream().filter(t -> category.id().equals(t.parentId()))
                    .sorted(Comparator.comparing(Tag::nameKey))
                    .forEach(sub -> ordered.add(sub.view(byId.get(sub.parentId()).name())));
        });
        return ordered;
    }

    private void requireFreeName(Tag tag) {
        long taken = em.createQuery("select count(t) from Tag t where t.siblingKey = :siblings"
                        + " and t.nameKey = :name and t.id <> :id", Long.class)
                .setParameter("siblings", tag.siblingKey())
                .setParameter("name", tag.nameKey())
                .setParameter("id", tag.id())
                // The changed row is not flushed first: its unique key would fail before this answers.
                .setFlushMode(FlushModeType.COMMIT)
                .getSingleResult();
        if (taken > 0) {
            throw new AlreadyTaken("name", "a tag named " + tag.name() + " already exists "
                    + (tag.parentId() == null ? "among the categories" : "in this category"));
        }
    }

    private Tag inOrganization(String tagId, Agent agent, String field) {
        Tag tag = tagId == null ? null : em.find(Tag.class, tagId);
        if (tag == null || !tag.organizationId().equals(agent.organizationId())) {
            if (field != null && tagId == null) {
                throw new InvalidInput(field, field + " is required");
            }
            throw new TagNotFound();
        }
        return tag;
    }
}
