/** Queue schedules: opening hours in Ninchat's format, and the timer that applies them. */
package org.carequeue.schedule;
