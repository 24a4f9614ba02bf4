package org.carequeue.web.rest;

import jakarta.annotation.security.DeclareRoles;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.carequeue.security.Roles;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.servers.Server;

/**
 * All JAX-RS resources live under {@code /api}; versioned paths start with {@code /api/v1}. The
 * OpenAPI document Payara serves at {@code /openapi} takes its title and server from here, its
 * shared components from {@link ApiModel} and its operations from the resources' annotations.
 *
 * <p>Every resource is a CDI bean: a resource that is no bean is built by Jersey's HK2 on every
 * request, analysing its injection points each time (an eighth of the server's CPU per pick in
 * the benchmark, docs/benchmarks.md). Most are {@code @RequestScoped}, with their path
 * parameters in fields; {@code QueuesResource}, which serves picks and arrivals and keeps nothing
 * of a request, is {@code @ApplicationScoped}, so even the bean is not made again each time.
 */
@ApplicationPath("/api")
@DeclareRoles({Roles.AGENT, Roles.OPERATOR, Roles.OWNER})
@OpenAPIDefinition(
        info = @Info(title = "CareQueue", version = "1",
                description = "Customer-care chat queues: customers ask for help in a queue, agents pick them and chat."
                        + " Errors are application/problem+json with a stable `code`. Times are ISO-8601 UTC."
                        + " The chat socket (/api/ws/chat) is described by the AsyncAPI document in the source tree"
                        + " (api-module/src/main/resources/asyncapi.yaml)."),
        servers = @Server(url = "/", description = "The CareQueue serving this document"))
public class CareQueueApi extends Application {
}
