package org.carequeue.web.signin;

import static jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters.withParams;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.credential.Password;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Optional;
import org.carequeue.agent.Agents;
import org.carequeue.web.faces.Feedback;
import org.carequeue.web.rest.ClientAddresses;
import org.carequeue.web.security.RateLimits;

/** The sign-in page and signing out. */
@Named
@RequestScoped
public class SignInBacking {

    @Inject
    SecurityContext security;

    @Inject
    FacesContext faces;

    @Inject
    RateLimits rateLimits;

    @Inject
    Agents agents;

    @Inject
    ClientAddresses clientAddresses;

    private String username;
    private String password;
    private String continueTo;

    /** An already signed-in agent does not see the form again. */
    public void skipWhenSignedIn() {
        if (security.getCallerPrincipal() != null) {
            Feedback.redirect(landingPage());
        }
    }

    public void signIn() {
        ExternalContext external = faces.getExternalContext();
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        Optional<RateLimits.Refused> refused = rateLimits.take(RateLimits.Limit.SIGN_INS_PER_ADDRESS,
                clientAddresses.of(request), null, null);
        if (refused.isPresent()) {
            // The API's answer to the same: 429 with Retry-After, and the form says it in words.
            external.setResponseStatus(429);
            external.setResponseHeader("Retry-After", String.valueOf(refused.get().retryAfterSeconds()));
            Feedback.warn("Too many sign-in attempts from your address; try again in "
                    + refused.get().retryAfterSeconds() + " s");
            faces.validationFailed();
            return;
        }
        AuthenticationStatus status = security.authenticate(request,
                (HttpServletResponse) external.getResponse(),
                withParams().newAuthentication(true)
                        .credential(new UsernamePasswordCredential(username, new Password(password == null ? "" : password))));
        switch (status) {
            case SUCCESS -> Feedback.redirect(landingPage());
            case SEND_CONTINUE -> faces.responseComplete();
            default -> {
                Feedback.warn("Wrong username or password");
                faces.validationFailed();
            }
        }
    }

    /** Ends the container login and the whole session: nothing of it can be used again. */
    public void signOut() throws ServletException, IOException {
        ExternalContext external = faces.getExternalContext();
        try {
            if (security.getCallerPrincipal() != null) {
                agents.signedOutOfDesk();
            }
        } finally {
            // Signing out must not depend on the audit log being writable.
            ((HttpServletRequest) external.getRequest()).logout();
            HttpSession session = (HttpSession) external.getSession(false);
            if (session != null) {
                session.invalidate();
            }
        }
        external.redirect(external.getRequestContextPath() + "/signin.xhtml?signedOut=true");
    }

    /** Where to go after signing in: the page asked for (only our own pages), else the desk. */
    private String landingPage() {
        boolean ownPage = continueTo != null && continueTo.matches("/(desk|admin)/[A-Za-z0-9_./?=&%-]*")
                && !continueTo.contains("//") && !continueTo.contains("..");
        return ownPage ? continueTo : "/desk/";
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public String getContinueTo() {
        return continueTo;
    }

    public void setContinueTo(String continueTo) {
        this.continueTo = continueTo;
    }
}
