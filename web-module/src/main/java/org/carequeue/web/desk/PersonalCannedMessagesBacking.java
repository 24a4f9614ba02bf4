package org.carequeue.web.desk;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.util.List;
import org.carequeue.api.cannedmessage.CannedMessageResponse;

/** The agent's own canned messages (desk settings). */
@Named("personalCanned")
@ViewScoped
public class PersonalCannedMessagesBacking extends CannedMessagesEditor {

    @Override
    protected String scope() {
        return CannedMessageResponse.PERSONAL;
    }

    @Override
    protected List<CannedMessageResponse> read() {
        return cannedMessages.personal();
    }
}
