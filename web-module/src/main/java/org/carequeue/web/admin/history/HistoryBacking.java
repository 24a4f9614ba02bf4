package org.carequeue.web.admin.history;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.carequeue.agent.Agents;
import org.carequeue.api.agent.AgentResponse;
import org.carequeue.api.history.HistoryEntryResponse;
import org.carequeue.api.history.HistoryFilter;
import org.carequeue.api.history.HistoryPage;
import org.carequeue.api.queue.QueueMembersResponse;
import org.carequeue.api.queue.QueueResponse;
import org.carequeue.history.Transcripts;
import org.carequeue.platform.BusinessException;
import org.carequeue.queue.Queues;
import org.carequeue.web.faces.Feedback;
import org.carequeue.web.faces.Times;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/** The organization's past and present conversations, searched by the form, a page at a time. */
@Named
@ViewScoped
public class HistoryBacking implements Serializable {

    private static final int MAX_AGENT_CHOICES = 200;

    @Inject
    Transcripts transcripts;

    @Inject
    Queues queues;

    @Inject
    Agents agents;

    private String queueId;
    private String agentId;
    private String state;
    private String customer;
    private LocalDate from;
    private LocalDate to;

    private final LazyDataModel<HistoryEntryResponse> audiences = new HistoryPages();
    private transient List<QueueResponse> queueChoices;
    private transient List<AgentResponse> agentChoices;

    private HistoryFilter filter() {
        return new HistoryFilter(queueId, agentId, state, customer, from == null ? null : from.toString(),
                to == null ? null : to.toString());
    }

    public List<QueueResponse> getQueueChoices() {
        if (queueChoices == null) {
            queueChoices = queues.organizationQueues().stream().map(QueueMembersResponse::queue).toList();
        }
        return queueChoices;
    }

    public List<AgentResponse> getAgentChoices() {
        if (agentChoices == null) {
            agentChoices = agents.members(null, 0, MAX_AGENT_CHOICES).members();
        }
        return agentChoices;
    }

    public String when(String iso) {
        return Times.of(iso);
    }

    public String rating(Integer rating) {
        return rating == null ? "" : switch (rating) {
            case 1 -> "Good";
            case 0 -> "Okay";
            default -> "Poor";
        };
    }

    public LazyDataModel<HistoryEntryResponse> getAudiences() {
        return audiences;
    }

    public String getQueueId() {
        return queueId;
    }

    public void setQueueId(String queueId) {
        this.queueId = queueId;
    }

    public String getAgentId() {
        return agentId;
    }

    public void setAgentId(String agentId) {
        this.agentId = agentId;
    }

    public String getState() {
        return state;
    }

    public void setState(String state) {
        this.state = state;
    }

    public String getCustomer() {
        return customer;
    }

    public void setCustomer(String customer) {
        this.customer = customer;
    }

    public LocalDate getFrom() {
        return from;
    }

    public void setFrom(LocalDate from) {
        this.from = from;
    }

    public LocalDate getTo() {
        return to;
    }

    public void setTo(LocalDate to) {
        this.to = to;
    }

    /** Pages come from the boundary with the form's filter; a refused filter shows nothing, and why. */
    private class HistoryPages extends LazyDataModel<HistoryEntryResponse> {

        @Override
        public int count(Map<String, FilterMeta> filterBy) {
            try {
                return (int) transcripts.search(filter(), null, 0, 1).total();
            } catch (BusinessException refused) {
                Feedback.refused(refused, "historyForm");
                return 0;
            }
        }

        @Override
        public List<HistoryEntryResponse> load(int first, int pageSize, Map<String, SortMeta> sortBy,
                                               Map<String, FilterMeta> filterBy) {
            HistoryPage page = transcripts.search(filter(), null, first, pageSize);
            setRowCount((int) page.total());
            return page.audiences();
        }

        @Override
        public String getRowKey(HistoryEntryResponse entry) {
            return entry.id();
        }

        @Override
        public HistoryEntryResponse getRowData(String rowKey) {
            return getWrappedData() == null ? null : getWrappedData().stream()
                    .filter(entry -> entry.id().equals(rowKey)).findFirst().orElse(null);
        }
    }
}
