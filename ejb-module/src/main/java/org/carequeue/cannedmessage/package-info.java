/**
 * Canned messages: saved answers an agent inserts into the composer, or expands by typing
 * {@code /keyword} and a space. Personal ones belong to one agent; organization-wide ones are
 * managed by operators. A keyword is unique per owner (the agent, or the organization); the
 * database's unique key decides between two concurrent saves.
 */
package org.carequeue.cannedmessage;
