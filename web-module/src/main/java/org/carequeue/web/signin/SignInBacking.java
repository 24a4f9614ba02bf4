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
import org.carequeue.web.faces.Feedback;

/** The sign-in page and signing out. */
@Named
@RequestScoped
public class SignInBacking {

    @Inject
    SecurityContext security;

    @Inject
    FacesContext faces;

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
        AuthenticationStatus status = security.authenticate((HttpServletRequest) external.getRequest(),
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
        ((HttpServletRequest) external.getRequest()).logout();
        HttpSession session = (HttpSession) external.getSession(false);
        if (session != null) {
            session.invalidate();
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
