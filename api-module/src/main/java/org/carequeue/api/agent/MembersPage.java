package org.carequeue.api.agent;

import java.util.List;

/** One page of an organization's staff and how many there are in all (with the same filter). */
public record MembersPage(List<AgentResponse> members, long total) {
}
