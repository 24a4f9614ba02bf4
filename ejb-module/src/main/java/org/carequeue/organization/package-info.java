/**
 * Organizations: the customer-care companies using CareQueue. Everything else belongs to exactly
 * one organization and every query is scoped by it.
 */
package org.carequeue.organization;
