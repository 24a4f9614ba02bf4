/**
 * History: operators find past conversations of their organization and read each one whole (the
 * transcript), with an append-only audit trail of who read which one, when, how and why; and
 * retention, which deletes a conversation's content some days after it completed.
 *
 * <p>Decisions: the history reads what other concepts stored (tags, notes, the activity log) with
 * queries of its own, like the statistics, and changes none of it except through retention.
 * Retention deletes the content (messages, files, notes, answers, metadata) and keeps the audience
 * row with its times, queue, agent, state, rating and tags, and the activity log, so the
 * statistics survive it. Its clock ticks on every node; each audience is deleted once, under its
 * row lock, in batches of their own transactions.
 */
package org.carequeue.history;
