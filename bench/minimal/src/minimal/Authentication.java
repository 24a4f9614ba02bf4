package minimal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Set;

/** Signs in the bearer of a fixed key; everyone else stays anonymous. */
@ApplicationScoped
public class Authentication implements HttpAuthenticationMechanism {
    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        String key = request.getHeader("X-Key");
        if ("demo".equals(key)) {
            return context.notifyContainerAboutLogin("demo", Set.of("agent"));
        }
        return context.doNothing();
    }
}
