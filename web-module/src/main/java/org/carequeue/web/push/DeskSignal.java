package org.carequeue.web.push;

import java.util.List;

/** A signal for the open desks of these agents, on whichever node they are. */
public record DeskSignal(List<String> agentIds, String signal) {
}
