package org.carequeue.web.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MessageOrderTest {

    private final MessageOrder order = new MessageOrder();
    private final List<Long> pushed = new ArrayList<>();

    private boolean deliver(long seq) {
        return order.deliver("audience", seq, () -> pushed.add(seq));
    }

    @Test
    void aLateFrameIsHeldUntilItsPredecessorArrives() {
        assertFalse(deliver(1));
        assertTrue(deliver(3), "seq 3 waits for seq 2");
        assertEquals(List.of(1L), pushed);
        assertFalse(deliver(2));
        assertEquals(List.of(1L, 2L, 3L), pushed);
    }

    @Test
    void framesWaitingForAPredecessorThatNeverComesAreReleasedInOrder() {
        deliver(1);
        deliver(4);
        deliver(3);
        order.releaseHeld("audience");
        assertEquals(List.of(1L, 3L, 4L), pushed);
        assertFalse(deliver(5), "the line goes on after the gap");
        assertEquals(List.of(1L, 3L, 4L, 5L), pushed);
    }

    @Test
    void aGapThatKeepsGrowingIsGivenUpWithoutWaiting() {
        deliver(1);
        for (long seq = 3; seq <= MessageOrder.MAX_HELD + 3; seq++) {
            deliver(seq);
        }
        assertEquals(MessageOrder.MAX_HELD + 2, pushed.size());
        assertEquals(3L, pushed.get(1));
    }
}
