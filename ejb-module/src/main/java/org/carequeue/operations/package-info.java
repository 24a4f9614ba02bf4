/**
 * What operations watch, served by Payara Micro's MicroProfile endpoints: the database's health
 * ({@code /health/ready}, {@code /health/live}) and the main figures as application metrics
 * ({@code /metrics}). Nothing here is called by the application's HTTP code; it only reads the
 * database and observes events.
 */
package org.carequeue.operations;
