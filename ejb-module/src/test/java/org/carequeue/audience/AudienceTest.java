package org.carequeue.audience;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.OffsetDateTime;
import org.carequeue.api.problem.ErrorCode;
import org.carequeue.platform.BusinessException;
import org.carequeue.platform.Clock;
import org.junit.jupiter.api.Test;

class AudienceTest {

    private final Audience audience = new Audience("org", "queue", "  Carl  ", "hash", "hi", null, null);

    @Test
    void aNewRequestWaitsWithTheCustomersTrimmedName() {
        assertEquals(AudienceState.REQUESTED, audience.state());
        assertEquals("Carl", audience.customerName());
        assertNull(audience.agentId());
    }

    @Test
    void aCustomerWithoutANameIsAGuest() {
        assertEquals(Audience.GUEST, new Audience("org", "queue", " ", "hash", null, null, null).customerName());
    }

    @Test
    void pickingAcceptsTheRequestForThatAgent() {
        audience.accept("alice");
        assertEquals(AudienceState.ACCEPTED, audience.state());
        assertEquals("alice", audience.agentId());
    }

    @Test
    void aSecondPickIsRefusedAsAlreadyPicked() {
        audience.accept("alice");
        assertEquals(ErrorCode.ALREADY_PICKED, code(() -> audience.accept("bob")));
        assertEquals("alice", audience.agentId());
    }

    @Test
    void aDroppedRequestCannotBePicked() {
        assertTrue(audience.dropIfUnseenSince(Clock.now().plusSeconds(1)));
        assertEquals(AudienceState.DROPPED, audience.state());
        assertEquals(ErrorCode.AUDIENCE_ENDED, code(() -> audience.accept("alice")));
    }

    @Test
    void aCustomerUnseenForLessThanTheGracePeriodStays() {
        assertFalse(audience.dropIfUnseenSince(audience.requestedAt().minusSeconds(60)));
        assertEquals(AudienceState.REQUESTED, audience.state());
    }

    @Test
    void aCustomerUnseenForTheGracePeriodIsDropped() {
        assertTrue(audience.dropIfUnseenSince(audience.requestedAt().plusNanos(1)));
        assertEquals(AudienceState.DROPPED, audience.state());
    }

    @Test
    void beingSeenRestartsTheGraceClock() throws InterruptedException {
        OffsetDateTime cutoff = Clock.now();
        Thread.sleep(2);
        audience.customerSeen();
        assertFalse(audience.dropIfUnseenSince(cutoff));
        assertEquals(AudienceState.REQUESTED, audience.state());
    }

    @Test
    void aPickedCustomerIsNeverDroppedForBeingUnseen() {
        audience.accept("alice");
        assertFalse(audience.dropIfUnseenSince(Clock.now().plusSeconds(3600)));
        assertEquals(AudienceState.ACCEPTED, audience.state());
    }

    @Test
    void aCustomerLeavingTheLineDropsTheRequest() {
        audience.endByCustomer();
        assertEquals(AudienceState.DROPPED, audience.state());
    }

    @Test
    void aCustomerEndingAConversationFinishesIt() {
        audience.accept("alice");
        audience.endByCustomer();
        assertEquals(AudienceState.FINISHED, audience.state());
    }

    @Test
    void onlyTheHoldingAgentMayFinish() {
        audience.accept("alice");
        assertEquals(ErrorCode.NOT_HELD_BY_YOU, code(() -> audience.finishByAgent("bob")));
        audience.finishByAgent("alice");
        assertEquals(AudienceState.FINISHED, audience.state());
    }

    @Test
    void anEndedAudienceCannotEndAgain() {
        audience.accept("alice");
        audience.finishByAgent("alice");
        assertEquals(ErrorCode.AUDIENCE_ENDED, code(audience::endByCustomer));
    }

    @Test
    void sequenceNumbersAscendWithoutGapsAndStopWhenEnded() {
        assertEquals(Audience.FIRST_SEQ, audience.lastSeq(), "the message the customer came with is the first");
        assertEquals(2, audience.nextSeq());
        audience.accept("alice");
        assertEquals(3, audience.nextSeq());
        assertEquals(4, audience.nextSeq());
        audience.finishByAgent("alice");
        assertEquals(ErrorCode.AUDIENCE_ENDED, code(audience::nextSeq));
    }

    @Test
    void aCustomerWhoCameWithoutAMessageSendsTheFirst() {
        Audience silent = new Audience("org", "queue", null, "hash", null, null, null);
        assertEquals(0, silent.lastSeq());
        assertEquals(Audience.FIRST_SEQ, silent.nextSeq());
    }

    @Test
    void onlyAWaitingCustomerCanBeDropped() {
        audience.accept("alice");
        assertFalse(audience.dropIfUnseenSince(Clock.now().plusSeconds(3600)));
        assertEquals(AudienceState.ACCEPTED, audience.state());
    }

    @Test
    void aFinishedConversationIsOpenForWrapUpUntilItCompletes() {
        audience.accept("alice");
        assertTrue(audience.isOpenForWrapUp());
        audience.finishByAgent("alice");
        assertTrue(audience.isOpenForWrapUp(), "tags and notes stay editable after the end");
        assertFalse(audience.completeIfFinishedBefore(audience.endedAt()), "not before the wrap-up time");
        assertTrue(audience.completeIfFinishedBefore(audience.endedAt().plusNanos(1)));
        assertEquals(AudienceState.COMPLETE, audience.state());
        assertFalse(audience.isOpenForWrapUp());
        assertEquals(ErrorCode.AUDIENCE_COMPLETE, code(audience::requireOpenForWrapUp));
        assertFalse(audience.completeIfFinishedBefore(Clock.now().plusSeconds(3600)), "completes once");
        assertEquals(ErrorCode.AUDIENCE_ENDED, code(audience::nextSeq));
    }

    @Test
    void endAndHideCompletesAFinishedConversationOfTheHolderOnly() {
        audience.accept("alice");
        assertEquals(ErrorCode.VALIDATION_FAILED, code(() -> audience.completeByAgent("alice")), "end it first");
        audience.finishByAgent("alice");
        assertEquals(ErrorCode.NOT_HELD_BY_YOU, code(() -> audience.completeByAgent("bob")));
        audience.completeByAgent("alice");
        assertEquals(AudienceState.COMPLETE, audience.state());
        audience.completeByAgent("alice");
        assertEquals(AudienceState.COMPLETE, audience.state());
    }

    @Test
    void theCustomerRatesAndAnswersOnceAfterTheEnd() {
        audience.accept("alice");
        assertEquals(ErrorCode.AUDIENCE_NOT_ENDED, code(() -> audience.rate(1)));
        assertEquals(ErrorCode.AUDIENCE_NOT_ENDED, code(() -> audience.answerAfterwards("{}")));
        audience.endByCustomer();
        audience.rate(0);
        assertEquals(ErrorCode.ALREADY_RATED, code(() -> audience.rate(1)));
        assertEquals(0, audience.rating());
        audience.answerAfterwards("{\"solved\":\"yes\"}");
        assertEquals(ErrorCode.ALREADY_ANSWERED, code(() -> audience.answerAfterwards("{\"solved\":\"no\"}")));
        assertEquals("{\"solved\":\"yes\"}", audience.postAnswersJson());
    }

    @Test
    void aTransferMakesTheCustomerWaitInTheTargetQueueWithTheirMessages() {
        audience.nextSeq();
        audience.accept("alice");
        audience.nextSeq();
        assertEquals(ErrorCode.NOT_HELD_BY_YOU, code(() -> audience.transferTo("bob", "billing")));
        audience.transferTo("alice", "billing");
        assertEquals(AudienceState.REQUESTED, audience.state());
        assertEquals("billing", audience.queueId());
        assertNull(audience.agentId());
        assertEquals(4, audience.nextSeq(), "the conversation's numbering goes on");
        assertFalse(audience.dropIfUnseenSince(Clock.now().minusSeconds(1)), "the grace clock restarted");
        audience.accept("ben");
        audience.finishByAgent("ben");
        assertEquals(ErrorCode.AUDIENCE_ENDED, code(() -> audience.transferTo("ben", "support")));
    }

    private static ErrorCode code(Runnable action) {
        return assertThrows(BusinessException.class, action::run).code();
    }
}
