package org.carequeue.web.desk;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import java.security.Principal;
import org.carequeue.api.session.MeResponse;
import org.carequeue.audience.WaitingLines;
import org.carequeue.security.Roles;
import org.carequeue.web.faces.Feedback;

/** The signed-in agent as this request's pages see them: read once per request. */
@Named
@RequestScoped
public class DeskSession {

    @Inject
    SecurityContext security;

    @Inject
    WaitingLines lines;

    private MeResponse me;

    /** The agent, their organization and the queues they are a member of. */
    public MeResponse getMe() {
        if (me == null) {
            me = lines.me();
        }
        return me;
    }

    /** The signed-in agent's id (the caller principal's name). */
    public String getAgentId() {
        Principal caller = security.getCallerPrincipal();
        return caller == null ? null : caller.getName();
    }

    public boolean isOperator() {
        return security.isCallerInRole(Roles.OPERATOR);
    }

    /** {@code /}: the desk for a signed-in agent, the sign-in page for everyone else. */
    public void toStartPage() {
        Feedback.redirect(getAgentId() == null ? "/signin.xhtml" : "/desk/");
    }
}
