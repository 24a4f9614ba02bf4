/**
 * The web side of sites: which pages may call the customer side of the API
 * ({@link org.carequeue.web.site.CustomerOrigins}) and frame the widget
 * ({@link org.carequeue.web.site.WidgetFrame}), both by the sites' allowed origins.
 */
package org.carequeue.web.site;
