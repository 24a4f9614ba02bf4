/**
 * Tags: the organization's tag tree (categories and their subcategories, two levels, each with a
 * colour) that operators manage, the tags agents put on audiences, and the rules that tag an
 * audience from the customer's pre-questionnaire answers when the request arrives.
 *
 * Decisions: a name is unique among its siblings, ignoring case (a unique key decides races). A
 * category with subcategories cannot be deleted until they are; deleting a tag takes it off every
 * audience that carries it and removes its rules (the operator is asked to confirm). Rules are
 * applied by an observer of {@code AudienceRequested}, inside the request's transaction, so a
 * request never exists without its automatic tags.
 */
package org.carequeue.tag;
