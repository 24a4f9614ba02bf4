/**
 * Staff accounts (agents) of an organization, their PBKDF2-hashed passwords, bearer sessions of
 * the agent API, and who the current caller is.
 */
package org.carequeue.agent;
