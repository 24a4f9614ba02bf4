package org.carequeue.web.admin.queues;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.carequeue.agent.Agents;
import org.carequeue.api.agent.AgentResponse;
import org.carequeue.api.queue.QueueMembersResponse;
import org.carequeue.api.queue.QueueResponse;
import org.carequeue.api.queue.QueueSettingsRequest;
import org.carequeue.platform.BusinessException;
import org.carequeue.queue.Queues;
import org.carequeue.web.faces.Feedback;
import org.primefaces.PrimeFaces;

/** The organization's queues: create, set up, members, open/close, delete. */
@Named
@ViewScoped
public class QueuesBacking implements Serializable {

    /** The member checkbox list offers at most this many agents; members beyond them are left as they are. */
    private static final int MAX_MEMBER_CHOICES = 200;

    @Inject
    Queues queues;

    @Inject
    Agents agents;

    private String edit;
    private transient List<QueueMembersResponse> all;
    private transient Map<String, AgentResponse> staff;

    private String editedId;
    private String name;
    private Integer capacity;
    private boolean suspended;
    private String attachments;
    private String metadataCollection;
    private String secureMetadata;
    /** Empty keeps transcripts forever. */
    private Integer transcriptRetentionDays;
    /** The members the dialog opened with, so that saving sends only what the operator changed. */
    private List<String> shownMemberIds = List.of();
    private List<String> memberIds = new ArrayList<>();
    /** Video calls: who may start one (AGENT, CUSTOMER, BOTH, NOBODY), and screen sharing. */
    private String video;
    private boolean screenShare;
    /** The queues the edited queue's agents may transfer customers to. */
    private List<String> transferQueueIds = new ArrayList<>();

    /** {@code ?edit=ID} (the desk's "Queue settings") opens that queue's settings at once. */
    public void load() {
        if (edit != null) {
            getAll().stream().filter(q -> q.queue().id().equals(edit)).findFirst().ifPresent(q -> {
                startEdit(q.queue());
                PrimeFaces.current().executeScript("PF('settingsDialog').show()");
            });
        }
    }

    public void startCreate() {
        editedId = null;
        name = null;
        capacity = null;
        suspended = false;
        attachments = null;
        transferQueueIds = new ArrayList<>();
        metadataCollection = null;
        secureMetadata = null;
        transcriptRetentionDays = null;
    }

    public void startEdit(QueueResponse queue) {
        editedId = queue.id();
        name = queue.name();
        capacity = queue.capacity();
        suspended = queue.suspended();
        attachments = queue.attachments();
        video = queue.video();
        screenShare = queue.screenShare();
        transferQueueIds = new ArrayList<>(queue.transferQueueIds());
        metadataCollection = queue.metadataCollection();
        secureMetadata = queue.secureMetadata();
        transcriptRetentionDays = queue.transcriptRetentionDays();
    }

    public void save() {
        try {
            QueueResponse saved = editedId == null ? queues.create(name, capacity)
                    : queues.configure(editedId, new QueueSettingsRequest(name, capacity, suspended, attachments,
                            video, screenShare, transferQueueIds, metadataCollection, secureMetadata,
                            transcriptRetentionDays == null ? 0 : transcriptRetentionDays));
            Feedback.info(editedId == null ? saved.name() + " was created, closed; add its members and open it."
                    : saved.name() + " was saved.");
            Feedback.done();
            all = null;
        } catch (BusinessException refused) {
            Feedback.refused(refused, "settingsForm");
        }
    }

    public void startMembers(QueueMembersResponse queue) {
        editedId = queue.queue().id();
        name = queue.queue().name();
        shownMemberIds = List.copyOf(queue.memberIds());
        memberIds = new ArrayList<>(queue.memberIds());
    }

    public void saveMembers() {
        List<String> added = memberIds.stream().filter(id -> !shownMemberIds.contains(id)).toList();
        // Only agents the list offered can have been unticked; members beyond it stay.
        List<String> removed = shownMemberIds.stream()
                .filter(id -> staff().containsKey(id) && !memberIds.contains(id)).toList();
        try {
            QueueMembersResponse saved = queues.changeMembers(editedId, added, removed);
            Feedback.info(saved.queue().name() + " has " + saved.memberIds().size() + " member(s).");
            Feedback.done();
            all = null;
        } catch (BusinessException refused) {
            Feedback.refused(refused, null);
        }
    }

    public void open(QueueResponse queue) {
        change(() -> queues.open(queue.id()), queue.name() + " is open.");
    }

    public void close(QueueResponse queue) {
        change(() -> queues.close(queue.id()), queue.name() + " is closed.");
    }

    public void delete(QueueResponse queue) {
        change(() -> queues.delete(queue.id()), queue.name() + " was deleted.");
    }

    /** Makes the one boundary call of a table action, says how it went, and reads the table again. */
    private void change(Runnable boundaryCall, String done) {
        try {
            boundaryCall.run();
            Feedback.info(done);
            all = null;
        } catch (BusinessException refused) {
            Feedback.refused(refused, null);
        }
    }

    public List<QueueMembersResponse> getAll() {
        if (all == null) {
            all = queues.organizationQueues();
        }
        return all;
    }

    /** Every agent of the organization, by name: the member checkbox list and the names in the table. */
    public List<AgentResponse> getStaff() {
        return List.copyOf(staff().values());
    }

    public String memberNames(QueueMembersResponse queue) {
        Map<String, AgentResponse> byId = staff();
        String names = queue.memberIds().stream().map(byId::get).filter(a -> a != null)
                .map(AgentResponse::name).sorted().collect(Collectors.joining(", "));
        return names.isEmpty() ? "No members yet" : names;
    }

    private Map<String, AgentResponse> staff() {
        if (staff == null) {
            staff = agents.members(null, 0, MAX_MEMBER_CHOICES).members().stream()
                    .collect(Collectors.toMap(AgentResponse::agentId, Function.identity(), (a, b) -> a,
                            LinkedHashMap::new));
        }
        return staff;
    }

    public boolean isCreating() {
        return editedId == null;
    }

    public String getEdit() {
        return edit;
    }

    public void setEdit(String edit) {
        this.edit = edit;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public Integer getCapacity() {
        return capacity;
    }

    public void setCapacity(Integer capacity) {
        this.capacity = capacity;
    }

    public boolean isSuspended() {
        return suspended;
    }

    public void setSuspended(boolean suspended) {
        this.suspended = suspended;
    }

    public String getAttachments() {
        return attachments;
    }

    public void setAttachments(String attachments) {
        this.attachments = attachments;
    }

    public String getVideo() {
        return video;
    }

    public void setVideo(String video) {
        this.video = video;
    }

    public boolean isScreenShare() {
        return screenShare;
    }

    public void setScreenShare(boolean screenShare) {
        this.screenShare = screenShare;
    }

    /** The organization's other queues: the transfer targets the settings dialog offers. */
    public List<QueueResponse> getOtherQueues() {
        return getAll().stream().map(QueueMembersResponse::queue).filter(q -> !q.id().equals(editedId)).toList();
    }

    public List<String> getTransferQueueIds() {
        return transferQueueIds;
    }

    public void setTransferQueueIds(List<String> transferQueueIds) {
        this.transferQueueIds = transferQueueIds;
    }

    public String getMetadataCollection() {
        return metadataCollection;
    }

    public void setMetadataCollection(String metadataCollection) {
        this.metadataCollection = metadataCollection;
    }

    public String getSecureMetadata() {
        return secureMetadata;
    }

    public void setSecureMetadata(String secureMetadata) {
        this.secureMetadata = secureMetadata;
    }

    public Integer getTranscriptRetentionDays() {
        return transcriptRetentionDays;
    }

    public void setTranscriptRetentionDays(Integer transcriptRetentionDays) {
        this.transcriptRetentionDays = transcriptRetentionDays;
    }

    public List<String> getMemberIds() {
        return memberIds;
    }

    public void setMemberIds(List<String> memberIds) {
        this.memberIds = memberIds;
    }
}
