package org.carequeue.web.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import org.carequeue.api.chat.ClientFrame;
import org.carequeue.api.problem.ErrorCode;
import org.carequeue.platform.InvalidInput;

/**
 * Any text a client sends on the chat socket (or the desk's signal socket) is a frame with a type
 * or a {@code validation_failed} refusal; a typing or rtc frame passes its checks or is refused the
 * same way. Any other exception would end the socket as a failure of ours. Seeds:
 * {@code ClientFramesFuzzTestInputs/<method>}; longer runs: docs/reliability.md.
 */
class ClientFramesFuzzTest {

    @FuzzTest(maxDuration = "2m")
    void anyTextIsAFrameOrAValidationFailure(FuzzedDataProvider data) {
        String text = data.consumeRemainingAsString();
        ClientFrame frame;
        try {
            frame = ClientFrames.parse(text);
        } catch (InvalidInput refused) {
            assertEquals(ErrorCode.VALIDATION_FAILED, refused.code());
            return;
        }
        assertNotNull(frame.type());
        if (ClientFrame.TYPING.equals(frame.type()) || ClientFrame.RTC.equals(frame.type())) {
            try {
                ClientFrames.validateSignal(frame);
            } catch (InvalidInput refused) {
                assertEquals(ErrorCode.VALIDATION_FAILED, refused.code());
            }
        }
    }
}
