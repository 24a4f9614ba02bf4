package org.carequeue.web.desk;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.carequeue.api.queue.QueueLogEntryResponse;
import org.carequeue.api.queue.QueueResponse;
import org.carequeue.api.queue.WaitingCustomerResponse;
import org.carequeue.audience.WaitingLines;
import org.carequeue.platform.BusinessException;
import org.carequeue.web.faces.Feedback;

/** The queue view: who waits (in pick order) and what happened in the queue. */
@Named
@ViewScoped
public class QueueBacking implements Serializable {

    private static final int LOG_LINES = 200;

    @Inject
    WaitingLines lines;

    private String id;
    private String tab;
    private transient QueueResponse queue;
    private transient List<WaitingCustomerResponse> waiting;
    private transient List<QueueLogEntryResponse> log;

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
     * After a signal: the queue, its line and its log are read again. An agent who is no longer a
     * member (or whose queue was deleted) goes back to the desk with the reason.
     */
    public void refresh() {
        waiting = null;
        log = null;
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

    public List<QueueLogEntryResponse> getLog() {
        if (log == null) {
            log = lines.recentLog(id, LOG_LINES);
        }
        return log;
    }

    /** The log line as a sentence: "Alice picked Jane", "Jane left the queue". */
    public String describe(QueueLogEntryResponse line) {
        String agent = line.agentName() == null ? "Someone" : line.agentName();
        String customer = line.customerName() == null ? "a customer" : line.customerName();
        return switch (line.kind()) {
            case "OPENED" -> agent + " opened the queue";
            case "CLOSED" -> agent + " closed the queue";
            case "OPENED_BY_SCHEDULE" -> "The queue opened by schedule";
            case "CLOSED_BY_SCHEDULE" -> "The queue closed by schedule";
            case "REQUESTED" -> customer + " joined the queue";
            case "PICKED" -> agent + " picked " + customer;
            case "DROPPED" -> customer + " left the queue before being picked";
            case "ENDED" -> line.agentName() == null ? customer + " ended the conversation"
                    : agent + " ended the conversation with " + customer;
            case "TRANSFERRED_OUT" -> agent + " transferred " + customer + " to " + otherQueue(line);
            case "TRANSFERRED_IN" -> customer + " was transferred from " + otherQueue(line) + " by " + agent;
            default -> line.kind();
        };
    }

    private static String otherQueue(QueueLogEntryResponse line) {
        return line.otherQueueName() == null ? "another queue" : line.otherQueueName();
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
}
