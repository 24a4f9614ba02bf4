/**
 * The start-up benchmark's second baseline (docs/benchmarks.md, scenario 6): the smallest
 * application that uses the same parts of Payara Micro as CareQueue, so that a launch of it costs
 * what any application of CareQueue's kind pays before its own code counts. One entity in a
 * JTA persistence unit on a datasource declared with {@code @DataSourceDefinition} from
 * MicroProfile Config (CareQueue's own {@code carequeue.db.*}), a stateless and a start-up
 * singleton EJB, CDI, a JAX-RS resource at the address the benchmark waits for, a WebSocket
 * endpoint, a Faces page with PrimeFaces (in its WEB-INF/lib, as in CareQueue's WAR), a Jakarta
 * Security authentication mechanism with a protected path, and a MicroProfile Health check.
 * No part of CareQueue; built by bench/run.sh.
 */
package minimal;
