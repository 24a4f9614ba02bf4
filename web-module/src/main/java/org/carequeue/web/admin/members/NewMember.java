package org.carequeue.web.admin.members;

import java.io.Serializable;

/** The "add an agent" form. */
public class NewMember implements Serializable {

    private String username;
    private String name;
    private String email;
    private String password;
    private String role = "AGENT";
    /** {@code true}: the agent gets a link to choose their password; {@code false}: the operator sets one. */
    private boolean invitation;

    void clear() {
        username = null;
        name = null;
        email = null;
        password = null;
        role = "AGENT";
        invitation = false;
    }

    public boolean isInvitation() {
        return invitation;
    }

    public void setInvitation(boolean invitation) {
        this.invitation = invitation;
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public String getRole() {
        return role;
    }

    public void setRole(String role) {
        this.role = role;
    }
}
