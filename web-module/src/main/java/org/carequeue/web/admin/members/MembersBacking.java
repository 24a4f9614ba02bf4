package org.carequeue.web.admin.members;

import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import org.carequeue.agent.Agents;
import org.carequeue.api.agent.AgentResponse;
import org.carequeue.api.agent.InvitationResponse;
import org.carequeue.api.agent.MembersPage;
import org.carequeue.platform.BusinessException;
import org.carequeue.security.Roles;
import org.carequeue.web.faces.Feedback;
import org.primefaces.PrimeFaces;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/** Organization members: a filtered, paged list; add or invite an agent; operator status; removal. */
@Named
@ViewScoped
public class MembersBacking implements Serializable {

    @Inject
    Agents agents;

    private String filter;
    private String invitationFor;
    private String invitationLink;
    private final NewMember newMember = new NewMember();
    private final LazyDataModel<AgentResponse> members = new MemberPages();

    public void add() {
        try {
            if (newMember.isInvitation()) {
                InvitationResponse invited = agents.invite(newMember.getUsername(), newMember.getName(),
                        newMember.getEmail(), newMember.getRole());
                invitationFor = invited.agent().name();
                invitationLink = linkTo("/invitation.xhtml?token=" + invited.token());
                PrimeFaces.current().ajax().addCallbackParam("invited", true);
            } else {
                AgentResponse added = agents.create(newMember.getUsername(), newMember.getName(),
                        newMember.getEmail(), newMember.getPassword(), newMember.getRole());
                Feedback.info(added.name() + " was added and can sign in as " + added.username() + ".");
            }
            Feedback.done();
            newMember.clear();
        } catch (BusinessException refused) {
            Feedback.refused(refused, "addForm");
        }
    }

    /** An absolute link to a page of this CareQueue, as the operator's browser reached it. */
    private static String linkTo(String path) {
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        String requestUrl = request.getRequestURL().toString();
        return requestUrl.substring(0, requestUrl.length() - request.getRequestURI().length())
                + external.getRequestContextPath() + path;
    }

    public void makeOperator(AgentResponse member) {
        changeRole(member, "OPERATOR", " is now an operator.");
    }

    public void makeAgent(AgentResponse member) {
        changeRole(member, "AGENT", " is now an agent without operator rights.");
    }

    private void changeRole(AgentResponse member, String role, String done) {
        try {
            agents.changeRole(member.agentId(), role);
            Feedback.info(member.name() + done);
        } catch (BusinessException refused) {
            Feedback.refused(refused, null);
        }
    }

    public void remove(AgentResponse member) {
        try {
            agents.remove(member.agentId());
            Feedback.info(member.name() + " was removed from the organization and its queues.");
        } catch (BusinessException refused) {
            Feedback.refused(refused, null);
        }
    }

    public String roleName(AgentResponse member) {
        return member.roles().contains(Roles.OWNER) ? "Owner"
                : member.roles().contains(Roles.OPERATOR) ? "Operator" : "Agent";
    }

    public String getFilter() {
        return filter;
    }

    public void setFilter(String filter) {
        this.filter = filter;
    }

    /** The link of the invitation just made: shown this once, the server keeps only its hash. */
    public String getInvitationLink() {
        return invitationLink;
    }

    public String getInvitationFor() {
        return invitationFor;
    }

    public NewMember getNewMember() {
        return newMember;
    }

    public LazyDataModel<AgentResponse> getMembers() {
        return members;
    }

    /** Pages come from the boundary, filtered by the search field. */
    private class MemberPages extends LazyDataModel<AgentResponse> {

        @Override
        public int count(Map<String, FilterMeta> filterBy) {
            return (int) agents.members(filter, 0, 1).total();
        }

        @Override
        public List<AgentResponse> load(int first, int pageSize, Map<String, SortMeta> sortBy,
                                        Map<String, FilterMeta> filterBy) {
            MembersPage page = agents.members(filter, first, pageSize);
            setRowCount((int) page.total());
            return page.members();
        }

        @Override
        public String getRowKey(AgentResponse member) {
            return member.agentId();
        }

        @Override
        public AgentResponse getRowData(String rowKey) {
            return getWrappedData() == null ? null : getWrappedData().stream()
                    .filter(member -> member.agentId().equals(rowKey)).findFirst().orElse(null);
        }
    }
}
