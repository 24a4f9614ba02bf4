/**
 * This node's web figures for operations, as application metrics on Payara Micro's
 * {@code /metrics}; the database's health and the cluster's figures are in
 * {@code org.carequeue.operations}.
 */
package org.carequeue.web.operations;
