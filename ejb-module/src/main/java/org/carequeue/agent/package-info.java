/**
 * Staff accounts (agents) of an organization, their PBKDF2-hashed passwords, bearer sessions of
 * the agent API, who the current caller is, and who is at a desk ({@link
 * org.carequeue.agent.Presences}: a row per agent and node holding their desk, renewed by that
 * node, so several nodes agree through the database and a dead node's rows go stale).
 */
package org.carequeue.agent;
