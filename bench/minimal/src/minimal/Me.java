package minimal;

import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;

/** The address the benchmark waits for, as CareQueue's: a problem without a caller, a count with one. */
@Path("v1/me")
public class Me {
    @Inject
    SecurityContext security;
    @Inject
    Greetings greetings;

    @GET
    @Produces("application/json")
    public Response me() {
        if (security.getCallerPrincipal() == null) {
            return Response.status(401).type("application/problem+json").entity("{\"status\":401}").build();
        }
        return Response.ok("{\"greetings\":" + greetings.count() + "}").build();
    }
}
