package org.carequeue.web.invitation;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import org.carequeue.agent.Agents;
import org.carequeue.api.agent.AgentResponse;
import org.carequeue.platform.BusinessException;
import org.carequeue.platform.InvalidInput;
import org.carequeue.web.faces.Feedback;

/** The page an invitation link opens: the new agent chooses their password. */
@Named
@ViewScoped
public class InvitationBacking implements Serializable {

    @Inject
    Agents agents;

    private String token;
    private String password;
    private String repeated;
    private transient AgentResponse invited;

    /** Greets the invited agent, or says why the link does not work. */
    public void load() {
        try {
            invited = agents.invited(token);
        } catch (BusinessException refused) {
            Feedback.refused(refused, null);
        }
    }

    public void choosePassword() {
        if (password == null || !password.equals(repeated)) {
            Feedback.refused(new InvalidInput("repeated", "The two passwords differ"),
                    "invitation");
            return;
        }
        try {
            AgentResponse agent = agents.acceptInvitation(token, password);
            Feedback.info("Your password is set. Sign in as " + agent.username() + ".");
            Feedback.redirect("/signin.xhtml");
        } catch (BusinessException refused) {
            Feedback.refused(refused, "invitation");
        }
    }

    public AgentResponse getInvited() {
        return invited;
    }

    public String getToken() {
        return token;
    }

    public void setToken(String token) {
        this.token = token;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public String getRepeated() {
        return repeated;
    }

    public void setRepeated(String repeated) {
        this.repeated = repeated;
    }
}
