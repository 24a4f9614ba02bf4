/**
 * Site configurations of the customer's chat widget: per organization, any number of sites, each
 * with a public key (what the embed snippet names), texts and questionnaires per language, the
 * queues it offers, its switches and the pages (origins) that may embed it. Customers read a site
 * without an account; operators (and keys that manage queues) edit them. The allowed origins also
 * decide which pages may call the customer side of the API and open the chat socket
 * ({@link org.carequeue.site.SiteOrigins}).
 *
 * <p>Depends on {@code queue} (the offered queues) and {@code audience} (their public view); the
 * audience and contact use cases check a request's site by name in JPQL, not through this package.
 */
package org.carequeue.site;
