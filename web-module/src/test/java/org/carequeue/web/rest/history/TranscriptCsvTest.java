package org.carequeue.web.rest.history;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.carequeue.api.history.TranscriptResponse;
import org.carequeue.api.message.AttachmentResponse;
import org.carequeue.api.message.MessageResponse;
import org.carequeue.api.message.Sender;
import org.carequeue.api.note.NoteResponse;
import org.carequeue.api.tag.TagResponse;
import org.junit.jupiter.api.Test;

class TranscriptCsvTest {

    @Test
    void factsComeFirstThenOneQuotedRowPerMessageWithFormulasDefused() {
        TranscriptResponse transcript = new TranscriptResponse("a-1", "@Carla", "q-1", "Support", "COMPLETE",
                List.of("Ann", "Bob"), "2026-11-25T09:00:00Z", "2026-11-25T09:01:00Z", "2026-11-25T09:05:00Z",
                "2026-11-25T09:06:00Z", null,
                List.of(new MessageResponse(1, "a-1", new Sender("customer", "@Carla"), "=SUM(A1:A9)", "c1",
                                "2026-11-25T09:00:00Z", null),
                        new MessageResponse(2, "a-1", new Sender("agent", "Ann"), "Hi, \"Carla\"\nsecond line", "a1",
                                "2026-11-25T09:01:30Z", null),
                        new MessageResponse(3, "a-1", new Sender("customer", "@Carla"), null, "c2",
                                "2026-11-25T09:02:00Z", new AttachmentResponse("f-1", "-receipt.txt", 27, "text/plain",
                                        "/api/v1/audiences/a-1/attachments/f-1", null))),
                List.of(new TagResponse("t-1", null, "+Billing", "#2563eb", "+Billing")),
                List.of(new NoteResponse("n-1", "Summary", "TEXT", List.of(), "-2 items")),
                Map.of("browser", "Firefox"), Map.of(), Map.of("topic", "=cmd|' /C calc'!A0"), -1, Map.of());

        assertEquals(String.join("\r\n",
                "field,value",
                "audience,a-1",
                "customer,'@Carla",
                "queue,Support",
                "state,COMPLETE",
                "agents,Ann; Bob",
                "requested,2026-11-25T09:00:00Z",
                "picked,2026-11-25T09:01:00Z",
                "ended,2026-11-25T09:05:00Z",
                "completed,2026-11-25T09:06:00Z",
                "rating,-1",
                "tag,'+Billing",
                "note: Summary,'-2 items",
                "pre-answer: topic,'=cmd|' /C calc'!A0",
                "metadata: browser,Firefox",
                "",
                "seq,time,role,sender,text,attachment,type,size",
                "1,2026-11-25T09:00:00Z,customer,'@Carla,'=SUM(A1:A9),,,",
                "2,2026-11-25T09:01:30Z,agent,Ann,\"Hi, \"\"Carla\"\"\nsecond line\",,,",
                "3,2026-11-25T09:02:00Z,customer,'@Carla,,'-receipt.txt,text/plain,27",
                ""), TranscriptCsv.of(transcript));
    }
}
