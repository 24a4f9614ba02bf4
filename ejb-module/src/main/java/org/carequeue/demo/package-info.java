/**
 * The demo organization the README's run command shows: created on an empty database in demo mode
 * only, never in production.
 */
package org.carequeue.demo;
