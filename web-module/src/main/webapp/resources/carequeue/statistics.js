/*
 * The statistics page: unless a time zone was chosen, the browser's own is the default, and the
 * page shows the default period at once.
 */
(() => {
    'use strict';
    function showDefault() {
        const zone = document.getElementById('filters:zone_input');
        if (zone && !zone.value) {
            zone.value = Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
        }
        const show = document.getElementById('filters:show');
        if (show) {
            show.click();
        }
    }
    // Under the page's Content-Security-Policy PrimeFaces attaches the button's Ajax handler from a
    // jQuery ready callback, which runs after DOMContentLoaded: a click before it would post the
    // whole form instead. After the load event, and one more turn, the handler is there.
    window.addEventListener('load', () => setTimeout(showDefault, 0));
})();
