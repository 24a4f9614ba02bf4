package org.carequeue.web.rest;

import jakarta.annotation.security.DeclareRoles;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.carequeue.security.Roles;

/** All JAX-RS resources live under {@code /api}; versioned paths start with {@code /api/v1}. */
@ApplicationPath("/api")
@DeclareRoles({Roles.AGENT, Roles.OPERATOR, Roles.OWNER})
public class CareQueueApi extends Application {
}
