/*
 * CareQueue chat widget loader. A host page includes
 *   <script src="https://carequeue.example/widget/loader.js" data-site="KEY" async></script>
 * (optional data-lang="fi|en|sv"; otherwise the page's <html lang>) and gets the chat in a
 * fixed-position iframe at the bottom right. The iframe keeps the chat's CSS and the host page's
 * apart both ways and makes the chat same-origin with CareQueue's API. This file only places and
 * sizes the frame: the chat asks for "open" or "minimized" with postMessage, and only messages
 * from that frame's window and CareQueue's origin are listened to.
 */
(function () {
    'use strict';
    var script = document.currentScript;
    if (!script || window.CareQueueWidget) {
        return;
    }
    var site = script.getAttribute('data-site');
    if (!site) {
        console.warn('CareQueue widget: the script tag needs data-site');
        return;
    }
    var lang = (script.getAttribute('data-lang') || document.documentElement.lang || navigator.language || 'en')
        .slice(0, 2).toLowerCase();
    var chat = new URL('chat.html', script.src);
    chat.searchParams.set('site', site);
    chat.searchParams.set('lang', lang);
    var origin = chat.origin;
    /* Phones get the whole screen when the chat is open; below this width the page is a phone's. */
    var PHONE_WIDTH = 600;
    var open = false;

    var frame = document.createElement('iframe');
    frame.src = chat.toString();
    frame.title = 'Chat';
    frame.setAttribute('data-carequeue-widget', '');
    var style = frame.style;
    style.position = 'fixed';
    style.zIndex = '2147483000';
    style.border = '0';
    style.margin = '0';
    style.padding = '0';
    style.background = 'transparent';
    style.colorScheme = 'normal';
    style.maxWidth = 'none';
    style.maxHeight = 'none';
    frame.allowTransparency = true;
    /* The chat's video calls (when the site offers them) need the camera and microphone inside the frame. */
    frame.setAttribute('allow', 'camera; microphone');

    function place() {
        var phone = window.innerWidth < PHONE_WIDTH;
        if (open && phone) {
            set('0', '0', '100%', '100%', '0');
        } else if (open) {
            set('16px', '16px', '380px', Math.min(640, window.innerHeight - 32) + 'px', '14px');
        } else {
            set(phone ? '12px' : '16px', phone ? '12px' : '16px', '232px', '64px', '32px');
        }
    }

    function set(right, bottom, width, height, radius) {
        style.right = right;
        style.bottom = bottom;
        style.width = width;
        style.height = height;
        style.borderRadius = radius;
        style.boxShadow = open ? '0 12px 40px rgba(15, 23, 42, .28)' : 'none';
    }

    window.addEventListener('message', function (event) {
        if (event.source !== frame.contentWindow || event.origin !== origin || !event.data
            || event.data.carequeue !== 'widget') {
            return;
        }
        open = event.data.open === true;
        place();
    });
    window.addEventListener('resize', place);
    /* The chat tells the agent which page the customer is on (the frame itself cannot see it). */
    frame.addEventListener('load', function () {
        frame.contentWindow.postMessage({carequeue: 'host', page: location.href, referrer: document.referrer}, origin);
    });
    place();
    if (document.body) {
        document.body.appendChild(frame);
    } else {
        document.addEventListener('DOMContentLoaded', function () {
            document.body.appendChild(frame);
        });
    }
    window.CareQueueWidget = {frame: frame};
}());
