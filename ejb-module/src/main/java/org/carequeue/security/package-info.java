/**
 * Who may do what: the role names used in {@code @RolesAllowed}. The web module's authentication
 * mechanism makes an agent's bearer token the caller, with these roles as groups.
 */
package org.carequeue.security;
