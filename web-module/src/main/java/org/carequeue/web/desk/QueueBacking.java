package org.carequeue.web.desk;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.carequeue.api.contact.ContactResponse;
import org.carequeue.api.queue.QueueLogEntryResponse;
import org.carequeue.api.queue.QueueLogPage;
import org.carequeue.api.queue.QueueResponse;
import org.carequeue.api.queue.WaitingCustomerResponse;
import org.carequeue.audience.WaitingLines;
import org.carequeue.contact.Contacts;
import org.carequeue.platform.BusinessException;
import org.carequeue.web.faces.Feedback;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/**
 * The queue view: who waits (in pick order) and what happened in the queue, newest first, a page
 * at a time (the log grows without bound); a registered contact's content and comment in a dialog.
 */
@Named
@ViewScoped
public class QueueBacking implements Serializable {

    @Inject
    WaitingLines lines;

    @Inject
    Contacts contacts;

    private String id;
    private String tab;
    private transient QueueResponse queue;
    private transient List<WaitingCustomerResponse> waiting;
    private final LazyDataModel<QueueLogEntryResponse> log = new LogPages();
    private String contactId;
    private transient ContactResponse contact;
    private String comment;

    /** Reads the queue; an unknown one, or one the agent is not in, sends them back to the desk. */
    public void load() {
        try {
            queue = lines.queue(id);
        } catch (BusinessException refused) {
            Feedback.refused(refused, null);
            Feedback.redirect("/desk/");
        }
    }

    /**
     * After a signal: the queue, its line and its log are read again (the log's page when the
     * table renders). An agent who is no longer a member (or whose queue was deleted) goes back to
     * the desk with the reason.
     */
    public void refresh() {
        waiting = null;
        load();
    }

    public QueueResponse getQueue() {
        if (queue == null) {
            queue = lines.queue(id);
        }
        return queue;
    }

    public List<WaitingCustomerResponse> getWaiting() {
        if (waiting == null) {
            waiting = lines.waiting(id);
        }
        return waiting;
    }

    public LazyDataModel<QueueLogEntryResponse> getLog() {
        return log;
    }

    /** The log line as a sentence: "Alice picked Jane", "Jane left the line after 3 min 20 s". */
    public String describe(QueueLogEntryResponse line) {
        String agent = line.agentName() == null ? "Someone" : line.agentName();
        String customer = line.customerName() == null ? "A customer" : line.customerName();
        String object = line.customerName() == null ? "a customer" : line.customerName();
        return switch (line.kind()) {
            case "OPENED" -> agent + " opened the queue";
            case "CLOSED" -> agent + " closed the queue";
            case "OPENED_BY_SCHEDULE" -> "Opened by schedule";
            case "CLOSED_BY_SCHEDULE" -> "Closed by schedule";
            case "REQUESTED" -> customer + " joined the line";
            case "PICKED" -> agent + " picked " + object;
            case "DROPPED" -> line.waitedSeconds() == null ? customer + " left the line before being picked"
                    : customer + " left the line after " + duration(line.waitedSeconds());
            case "ENDED" -> line.agentName() == null ? customer + " ended the conversation"
                    : agent + " ended the conversation with " + object;
            case "TRANSFERRED_OUT" -> agent + " transferred " + object + " to " + otherQueue(line);
            case "TRANSFERRED_IN" -> customer + " was transferred from " + otherQueue(line) + " by " + agent;
            case "REGISTERED_CONTACT" -> customer + " left their contact details";
            default -> line.kind();
        };
    }

    /** The line's kind as a short label: "registered contact". */
    public String label(QueueLogEntryResponse line) {
        return line.kind().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    /** "45 s", "3 min 20 s", "2 h 5 min". */
    static String duration(long seconds) {
        if (seconds < 60) {
            return seconds + " s";
        }
        if (seconds < 3600) {
            return seconds / 60 + " min" + (seconds % 60 == 0 ? "" : " " + seconds % 60 + " s");
        }
        return seconds / 3600 + " h" + (seconds % 3600 / 60 == 0 ? "" : " " + seconds % 3600 / 60 + " min");
    }

    private static String otherQueue(QueueLogEntryResponse line) {
        return line.otherQueueName() == null ? "another queue" : line.otherQueueName();
    }

    /** "View content" of a registered contact's line: the dialog shows it. */
    public void viewContact(String shownId) {
        try {
            contact = contacts.contact(shownId);
            contactId = shownId;
            comment = contact.comment();
        } catch (BusinessException refused) {
            contact = null;
            contactId = null;
            Feedback.refused(refused, null);
        }
    }

    public void saveComment() {
        try {
            contact = contacts.comment(contactId, comment);
            comment = contact.comment();
            Feedback.info("Comment saved");
        } catch (BusinessException refused) {
            Feedback.refused(refused, "contactForm");
        }
    }

    public ContactResponse getContact() {
        if (contact == null && contactId != null) {
            contact = contacts.contact(contactId);
        }
        return contact;
    }

    public String getComment() {
        return comment;
    }

    public void setComment(String comment) {
        this.comment = comment;
    }

    public int getActiveTab() {
        return "log".equals(tab) ? 1 : 0;
    }

    public void setActiveTab(int activeTab) {
        this.tab = activeTab == 1 ? "log" : null;
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public String getTab() {
        return tab;
    }

    public void setTab(String tab) {
        this.tab = tab;
    }

    /** Each page is one read of the boundary, newest lines first. */
    private class LogPages extends LazyDataModel<QueueLogEntryResponse> {

        @Override
        public int count(Map<String, FilterMeta> filterBy) {
            return (int) lines.logPage(id, 0, 1).total();
        }

        @Override
        public List<QueueLogEntryResponse> load(int first, int pageSize, Map<String, SortMeta> sortBy,
                                                Map<String, FilterMeta> filterBy) {
            QueueLogPage page = lines.logPage(id, first, pageSize);
            setRowCount((int) page.total());
            return page.lines();
        }

        @Override
        public String getRowKey(QueueLogEntryResponse line) {
            return String.valueOf(line.id());
        }

        @Override
        public QueueLogEntryResponse getRowData(String rowKey) {
            return getWrappedData() == null ? null : getWrappedData().stream()
                    .filter(line -> String.valueOf(line.id()).equals(rowKey)).findFirst().orElse(null);
        }
    }
}
