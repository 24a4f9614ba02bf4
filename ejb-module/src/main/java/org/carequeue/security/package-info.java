/**
 * Who may do what: role names, and the identity store that turns an agent's bearer token into a
 * caller with groups, so that {@code @RolesAllowed} guards every boundary.
 */
package org.carequeue.security;
