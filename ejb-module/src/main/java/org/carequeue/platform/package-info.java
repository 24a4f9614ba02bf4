/**
 * What every concept stands on: the one datasource (chosen by configuration: embedded H2 by
 * default, PostgreSQL in production), the schema migrations run before anything else starts,
 * time, identifiers and the business exception base.
 */
package org.carequeue.platform;
