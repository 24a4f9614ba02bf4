package org.carequeue.web.admin.cannedmessages;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.util.List;
import org.carequeue.api.cannedmessage.CannedMessageResponse;
import org.carequeue.web.desk.CannedMessagesEditor;

/** The organization's canned messages (operators). */
@Named("organizationCanned")
@ViewScoped
public class CannedMessagesBacking extends CannedMessagesEditor {

    @Override
    protected String scope() {
        return CannedMessageResponse.ORGANIZATION;
    }

    @Override
    protected List<CannedMessageResponse> read() {
        return cannedMessages.organizationWide();
    }
}
