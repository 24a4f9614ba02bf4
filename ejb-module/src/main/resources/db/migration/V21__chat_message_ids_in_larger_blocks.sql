-- Message ids come 1,000 at a time per node instead of 50 (ChatMessage's allocationSize): fetching
-- a new block holds EclipseLink's sequencing lock, and every message stored meanwhile waits for it.
-- Nodes of the previous release still take blocks of 50 from this sequence and would reuse ids of
-- a new node's block: stop every node before starting one of this release (docs/operations.md).
alter sequence chat_message_seq increment by 1000;
