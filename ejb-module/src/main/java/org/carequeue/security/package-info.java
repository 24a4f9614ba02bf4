/**
 * Who may do what: the role names used in {@code @RolesAllowed}, and the organization's API keys.
 * The web module's authentication mechanism makes an agent's bearer token ({@code cqa_...}) or an
 * API key ({@code cqk_...}) the caller.
 *
 * <p>How an API key becomes a caller, and why:
 * <ul>
 * <li>A key belongs to one organization and acts as one of its agents, chosen when an operator
 * creates it (by default that operator). The caller's name is that agent's id, so every boundary
 * finds the key's organization and scopes its queries by it exactly as for the agent; another
 * organization's ids stay 404 for a key as for anyone. A key is never more than its agent: when
 * the agent is removed the key stops authenticating (401); when an operator loses operator status
 * the operator scopes answer 403.</li>
 * <li>The key's groups are its scopes and nothing else (an agent's own groups never come with the
 * key): {@code READ_STATISTICS} is {@link org.carequeue.security.Roles#STATISTICS_READER},
 * {@code READ_TRANSCRIPTS} {@link org.carequeue.security.Roles#TRANSCRIPT_READER},
 * {@code MANAGE_QUEUES} {@link org.carequeue.security.Roles#QUEUE_MANAGER}, and
 * {@code ACT_AS_AGENT} the agent role itself ({@link org.carequeue.security.Roles#AGENT}: the
 * desk's use cases, as that agent). Boundaries name the scope role beside the operator role in
 * {@code @RolesAllowed}, so a statistics-only key reaching a queue's {@code open} is refused by the
 * container (403 {@code forbidden}). The three operator scopes need an operator to act as; the
 * boundaries behind them check that too.</li>
 * <li>No key ever has the operator or owner group: keys cannot manage members, settings, master
 * keys or other API keys.</li>
 * <li>Only the key's SHA-256 and its first characters are stored. Every request made with a known
 * key is recorded in {@code api_key_use} (append-only) with its HTTP status, refused ones too.</li>
 * </ul>
 */
package org.carequeue.security;
