/*
 * The statistics page: unless a time zone was chosen, the browser's own is the default, and the
 * page shows the default period at once.
 */
document.addEventListener('DOMContentLoaded', () => {
    'use strict';
    const zone = document.getElementById('filters:zone_input');
    if (zone && !zone.value) {
        zone.value = Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
    }
    const show = document.getElementById('filters:show');
    if (show) {
        show.click();
    }
});
