/*
 * The agent desk in the browser (and the operators' live dashboard, which listens on the same socket):
 * turns the signal socket's signals into ajax refreshes of what the page shows,
 * runs the waiting timers, alerts on new customers and handles the message composer.
 * Signals carry ids only (see org.carequeue.web.push.DeskPush); content is always re-read.
 */
(function () {
    'use strict';

    const EMOJIS = ['😀', '😄', '😊', '🙂', '😉', '😍', '🤗', '🤔', '😅', '😂', '😢', '😮', '😴', '🙄',
        '👍', '👎', '👏', '🙏', '👋', '💪', '🙌', '🎉', '❤️', '✅', '❌', '⭐', '🔥', '☕', '📎', '💡', '⏳', '📞'];
    const HOUR_MS = 3600 * 1000;

    const POLICY_VIOLATION = 1008;
    const MAX_RECONNECT_MS = 30000;

    let signals = [];
    let flushTimer = null;
    let reconnectMs = 1000;
    let connectedBefore = false;
    let failedConnects = 0;
    let leaving = false;
    /* The message being sent and its id, kept until the server has answered that it is stored. */
    let pending = null;
    let audio = null;
    /* The signal socket, which also carries the typing and call frames of the conversation shown. */
    let socket = null;

    /*
     * Typing: while the agent types, "on" goes out at most every TYPING_REPEAT_MS, and "off" once the text
     * is sent or cleared or after TYPING_IDLE_MS without a key. The other side's indicator clears by itself
     * after TYPING_SHOWN_MS without a repeat (a sender that went away says nothing).
     */
    const TYPING_REPEAT_MS = 3000;
    const TYPING_IDLE_MS = 4000;
    const TYPING_SHOWN_MS = 6000;
    let typingSentAt = 0;
    let typingIdle = null;
    let typingShown = null;
    /* The video call of the conversation shown (CareQueueCall, call.js), made when the page has one. */
    let videoCall = null;

    function byId(id) {
        return document.getElementById(id);
    }

    function call(name) {
        if (typeof window[name] === 'function') {
            window[name]();
        }
    }

    /* Several signals within a moment (a pick touches queue and conversation) make one refresh. */
    function flush() {
        const batch = signals;
        signals = [];
        flushTimer = null;
        call('refreshSidebar');
        const queueView = byId('queueView');
        if (queueView && batch.some(s => s.kind === 'queue' && s.queueId === queueView.dataset.queueId)) {
            call('refreshQueue');
        }
        const chat = byId('conversation');
        if (chat && batch.some(s => s.kind === 'conversation' && s.audienceId === chat.dataset.audienceId)) {
            call('refreshConversation');
        }
        if (chat && batch.some(s => s.kind === 'all' || s.kind === 'customer' && s.audienceId === chat.dataset.audienceId)) {
            call('refreshCustomerCard');
        }
        const everything = batch.some(s => s.kind === 'all');
        if (queueView && everything) {
            call('refreshQueue');
        }
        if (chat && everything) {
            call('refreshConversation');
        }
        if (everything || batch.some(s => s.kind === 'queue')) {
            call('refreshOverview');
        }
        if (batch.some(s => s.kind === 'dashboard' || s.kind === 'all')) {
            call('refreshDashboard');
        }
        const arrival = batch.find(s => s.kind === 'queue' && s.arrival);
        if (arrival) {
            announce(arrival.queueId, 'A customer is waiting', 'A new customer joined your queue');
        }
        const contact = batch.find(s => s.kind === 'queue' && s.contact);
        if (contact) {
            announce(contact.queueId, 'Someone left their contact details', 'See the queue\'s activity log');
        }
    }

    /* A sound and a desktop notification naming the queue, each as the agent chose under the bell. */
    function announce(queueId, title, fallbackBody) {
        const settings = byId('alerts');
        if (!settings) {
            return;
        }
        if (settings.dataset.sound === 'true') {
            chime();
        }
        if (settings.dataset.desktop === 'true' && 'Notification' in window && Notification.permission === 'granted') {
            const row = document.querySelector('.cq-queue-row[data-queue-id="' + queueId + '"] .cq-queue-name');
            new Notification(title, {
                body: row ? row.textContent.trim() : fallbackBody, tag: 'carequeue-' + queueId
            });
        }
    }

    /* Two soft tones; browsers allow sound once the agent has touched the page. */
    function chime() {
        try {
            audio = audio || new (window.AudioContext || window.webkitAudioContext)();
            [660, 880].forEach((frequency, i) => {
                const oscillator = audio.createOscillator();
                const gain = audio.createGain();
                const start = audio.currentTime + i * 0.18;
                oscillator.frequency.value = frequency;
                gain.gain.setValueAtTime(0.0001, start);
                gain.gain.exponentialRampToValueAtTime(0.2, start + 0.02);
                gain.gain.exponentialRampToValueAtTime(0.0001, start + 0.3);
                oscillator.connect(gain).connect(audio.destination);
                oscillator.start(start);
                oscillator.stop(start + 0.32);
            });
        } catch (e) {
            /* no sound on this browser: the blue dot still shows the arrival */
        }
    }

    function pad(n) {
        return n < 10 ? '0' + n : String(n);
    }

    /* Waiting timers: m:ss below an hour, ∞ from an hour on. */
    function tick() {
        const now = Date.now();
        document.querySelectorAll('[data-since]').forEach(el => {
            const since = Date.parse(el.dataset.since);
            if (!el.dataset.since || isNaN(since)) {
                el.textContent = '';
                return;
            }
            const waited = Math.max(0, now - since);
            el.textContent = waited >= HOUR_MS ? '∞'
                : Math.floor(waited / 60000) + ':' + pad(Math.floor(waited / 1000) % 60);
            el.classList.toggle('cq-long-wait', waited >= 5 * 60000);
        });
    }

    /* Times come as ISO instants; show them in the agent's own time zone. */
    function formatTimes(root) {
        (root || document).querySelectorAll('time.cq-time:not([data-done])').forEach(el => {
            const at = new Date(el.getAttribute('datetime'));
            if (isNaN(at)) {
                return;
            }
            const options = el.dataset.format === 'datetime'
                ? {day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit'}
                : {hour: '2-digit', minute: '2-digit'};
            el.textContent = at.toLocaleString(undefined, options);
            el.title = at.toLocaleString();
            el.dataset.done = 'true';
        });
    }

    function markCurrent() {
        const params = new URLSearchParams(location.search);
        const id = params.get('id');
        document.querySelectorAll('.cq-queue-row, .cq-conversation-row').forEach(el => {
            el.classList.toggle('cq-current', !!id && (el.dataset.queueId === id || el.dataset.audienceId === id));
        });
    }

    function fillEmojis() {
        const grid = byId('emojiGrid');
        if (!grid || grid.childElementCount) {
            return;
        }
        EMOJIS.forEach(emoji => {
            const button = document.createElement('button');
            button.type = 'button';
            button.className = 'cq-emoji';
            button.textContent = emoji;
            button.addEventListener('click', () => insertAtCaret(emoji));
            grid.appendChild(button);
        });
    }

    function insertAtCaret(textToInsert) {
        const field = byId('conversation:text');
        if (!field) {
            return;
        }
        const start = field.selectionStart ?? field.value.length;
        const end = field.selectionEnd ?? field.value.length;
        field.value = field.value.slice(0, start) + textToInsert + field.value.slice(end);
        field.selectionStart = field.selectionEnd = start + textToInsert.length;
        field.focus();
        if (window.PF && PF('emojiPanel')) {
            PF('emojiPanel').hide();
        }
    }

    function randomId() {
        const bytes = crypto.getRandomValues(new Uint8Array(16));
        return Array.from(bytes, b => b.toString(16).padStart(2, '0')).join('');
    }

    function pageRendered() {
        formatTimes();
        tick();
        markCurrent();
        fillEmojis();
    }

    function signal(message) {
        signals.push(message);
        if (!flushTimer) {
            flushTimer = setTimeout(flush, 100);
        }
    }

    /*
     * The signal socket reconnects by itself with a growing pause. After a reconnect signals may
     * have been missed, so everything shown is read again. A socket closed for policy (signed out,
     * removed) reloads the page, which then asks for sign-in, unless the page is being left anyway
     * (signing out closes the socket while its own navigation runs). When reconnecting keeps
     * failing, the page checks whether its session is gone (the socket's address answers with a
     * redirect to sign-in) and then reloads too; while the server is down it just keeps trying.
     */
    function connect() {
        const path = document.body.dataset.signals;
        if (!path) {
            return;
        }
        socket = new WebSocket((location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + path);
        socket.onopen = () => {
            reconnectMs = 1000;
            failedConnects = 0;
            if (connectedBefore) {
                signal({kind: 'all'});
            }
            connectedBefore = true;
        };
        socket.onmessage = event => {
            const data = JSON.parse(event.data);
            if (data.type) {
                conversationFrame(data);
            } else {
                signal(data);
            }
        };
        socket.onclose = event => {
            if (leaving) {
                return;
            }
            if (event.code === POLICY_VIOLATION) {
                location.reload();
                return;
            }
            failedConnects++;
            if (failedConnects >= 3) {
                reloadIfSignedOut();
            }
            setTimeout(connect, reconnectMs);
            reconnectMs = Math.min(reconnectMs * 2, MAX_RECONNECT_MS);
        };
    }

    /* Asks the signal socket's address over plain HTTP: a signed-out browser is redirected. */
    function reloadIfSignedOut() {
        fetch(document.body.dataset.signals, {method: 'HEAD', redirect: 'manual', cache: 'no-store'})
            .then(response => {
                if (response.type === 'opaqueredirect') {
                    location.reload();
                }
            })
            .catch(() => { /* the server is unreachable: keep trying to reconnect */ });
    }

    /* Canned messages: the list the page rendered is the only source, so what expands is what the panel shows. */
    function cannedMessage(keyword) {
        const item = Array.from(document.querySelectorAll('#cannedList .cq-canned'))
            .find(el => el.dataset.keyword === keyword);
        return item ? item.dataset.message : null;
    }

    /*
     * "/keyword" then Space, right before the caret (at the start or after white space), becomes the
     * canned message followed by the space. An unknown keyword is left as typed.
     */
    function expandCanned(event) {
        const field = event.target;
        if (event.key !== ' ' || event.isComposing || !field || field.id !== 'conversation:text'
                || field.selectionStart !== field.selectionEnd) {
            return;
        }
        const before = field.value.slice(0, field.selectionStart);
        const typed = /(^|\s)\/([a-z0-9]{1,32})$/.exec(before);
        const message = typed && cannedMessage(typed[2]);
        if (!message) {
            return;
        }
        event.preventDefault();
        const start = before.length - typed[2].length - 1;
        const expanded = message + ' ';
        field.value = field.value.slice(0, start) + expanded + field.value.slice(field.selectionEnd);
        field.selectionStart = field.selectionEnd = start + expanded.length;
        field.dispatchEvent(new Event('input', {bubbles: true}));
    }

    function sendFrame(frame) {
        if (socket && socket.readyState === WebSocket.OPEN) {
            socket.send(JSON.stringify(frame));
            return true;
        }
        return false;
    }

    function shownAudienceId() {
        const chat = byId('conversation');
        return chat ? chat.dataset.audienceId : null;
    }

    /* Typing and call frames from the customer, and refusals of ours; frames of other conversations are left. */
    function conversationFrame(frame) {
        const current = frame.audienceId && frame.audienceId === shownAudienceId();
        if (frame.type === 'typing' && current) {
            showTyping(frame);
        } else if (frame.type === 'rtc' && current && videoCall) {
            videoCall.handle(frame);
        } else if (frame.type === 'error' && videoCall && videoCall.phase() !== 'idle') {
            videoCall.refused(frame);
        }
    }

    function showTyping(frame) {
        const indicator = byId('typingIndicator');
        if (!indicator) {
            return;
        }
        clearTimeout(typingShown);
        indicator.textContent = frame.on ? frame.from.name + ' is typing…' : '';
        if (frame.on) {
            typingShown = setTimeout(() => indicator.textContent = '', TYPING_SHOWN_MS);
        }
    }

    function typed(field) {
        if (!field.value.trim()) {
            stoppedTyping();
            return;
        }
        if (Date.now() - typingSentAt > TYPING_REPEAT_MS
                && sendFrame({type: 'typing', audienceId: shownAudienceId(), on: true})) {
            typingSentAt = Date.now();
        }
        clearTimeout(typingIdle);
        typingIdle = setTimeout(stoppedTyping, TYPING_IDLE_MS);
    }

    function stoppedTyping() {
        clearTimeout(typingIdle);
        if (typingSentAt) {
            typingSentAt = 0;
            sendFrame({type: 'typing', audienceId: shownAudienceId(), on: false});
        }
    }

    /* The call panel shows what the call is doing; its buttons follow the phase. */
    function callChanged(phase, detail, peerName) {
        const panel = byId('callPanel');
        if (!panel) {
            return;
        }
        const name = peerName || 'The customer';
        const status = {
            idle: detail, calling: 'Calling ' + name + '…', ringing: name + ' is calling you',
            connecting: 'Connecting…', 'in-call': 'In a call with ' + name
        }[phase];
        byId('callStatus').textContent = status || '';
        panel.dataset.phase = phase;
        panel.hidden = phase === 'idle' && !detail;
        panel.classList.toggle('cq-call-live', phase === 'connecting' || phase === 'in-call');
        /* One call at a time: the call button (re-rendered with the header) hides while one is on. */
        byId('conversation').classList.toggle('cq-in-call', phase !== 'idle');
        const share = byId('conversation:shareScreen');
        if (share) {
            share.querySelector('.ui-button-text').textContent = videoCall.sharingScreen() ? 'Stop sharing' : 'Share screen';
        }
    }

    function setUpCall() {
        const form = byId('conversation');
        if (!form || !byId('callPanel') || videoCall) {
            return;
        }
        videoCall = new CareQueueCall({
            send: sendFrame,
            audienceId: form.dataset.audienceId,
            iceServers: JSON.parse(form.dataset.iceServers || '[]'),
            localVideo: byId('localVideo'),
            remoteVideo: byId('remoteVideo'),
            onChange: callChanged
        });
    }

    window.CareQueueDesk = {

        sidebarRefreshed: pageRendered,
        /* After an ajax update: times, timers and the current row of what was rendered anew. */
        tick: pageRendered,

        messagesRendered(focus) {
            pageRendered();
            const header = byId('conversation:header');
            if (header && header.dataset.live === 'false' && byId('conversation:text')) {
                call('refreshComposer');
            }
            if (header && header.dataset.live === 'false' && videoCall) {
                /* The conversation ended: so does its call. */
                CareQueueDesk.hangUp();
            }
            const list = document.querySelector('.cq-messages');
            if (list) {
                list.scrollTop = list.scrollHeight;
                /* Thumbnails get their height only once loaded: keep the newest message in view. */
                list.querySelectorAll('img.cq-thumbnail').forEach(img => {
                    if (!img.complete) {
                        img.addEventListener('load', () => { list.scrollTop = list.scrollHeight; }, {once: true});
                    }
                });
            }
            const field = byId('conversation:text');
            if (focus && field) {
                field.focus();
            }
        },

        /* Enter sends, Shift+Enter is a new line (and Enter while an IME composes is left alone). */
        composerKey(event) {
            if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
                event.preventDefault();
                const send = byId('conversation:send');
                if (send && event.target.value.trim()) {
                    send.click();
                }
                return false;
            }
            return true;
        },

        /*
         * A message keeps its id until the server has answered that it is stored: sending it again
         * after a lost answer (or a double click) stores it once. New text gets a new id.
         */
        stampMessage() {
            const id = byId('conversation:clientMessageId');
            const text = byId('conversation:text');
            if (!id || !text) {
                return;
            }
            if (!pending || pending.text !== text.value) {
                pending = {text: text.value, id: 'desk-' + randomId()};
            }
            id.value = pending.id;
        },

        sent(status, args) {
            if (status === 'success' && args && args.done) {
                pending = null;
                stoppedTyping();
            }
            CareQueueDesk.messagesRendered(true);
        },

        startCall() {
            setUpCall();
            if (videoCall) {
                videoCall.start(byId('customerName') ? byId('customerName').textContent.trim() : null);
            }
        },

        acceptCall() {
            if (videoCall) {
                videoCall.accept();
            }
        },

        declineCall() {
            if (videoCall) {
                videoCall.decline();
            }
        },

        hangUp() {
            if (videoCall) {
                videoCall.hangUp();
            }
        },

        toggleScreenShare() {
            if (videoCall) {
                if (videoCall.sharingScreen()) {
                    videoCall.stopSharing();
                } else {
                    videoCall.shareScreen();
                }
            }
        },

        /* For tests and diagnostics: the call's phase and its RTCPeerConnection's connectionState. */
        callState() {
            return videoCall ? {phase: videoCall.phase(), connectionState: videoCall.connectionState()} : {phase: 'none', connectionState: 'none'};
        },

        toggleFeatures() {
            const layout = byId('conversationLayout');
            if (layout) {
                const shown = layout.classList.toggle('cq-with-features');
                localStorage.setItem('carequeue.features', shown ? 'shown' : 'hidden');
            }
        },

        /* A click on a canned message in the chat-features panel inserts it at the caret. */
        insertCanned(item) {
            insertAtCaret(item.dataset.message);
        },

        filterCanned(query) {
            const q = (query || '').trim().toLowerCase();
            document.querySelectorAll('#cannedList .cq-canned').forEach(item => {
                const text = (item.dataset.keyword + ' ' + item.dataset.message).toLowerCase();
                item.hidden = q !== '' && !text.includes(q);
            });
        },

        askNotificationPermission(toggle) {
            const input = toggle && toggle.querySelector ? toggle.querySelector('input') : toggle;
            if (input && input.checked && 'Notification' in window && Notification.permission === 'default') {
                Notification.requestPermission();
            }
        }
    };

    document.addEventListener('DOMContentLoaded', () => {
        const layout = byId('conversationLayout');
        if (layout && localStorage.getItem('carequeue.features') === 'hidden') {
            layout.classList.remove('cq-with-features');
        }
        CareQueueDesk.messagesRendered(false);
        setUpCall();
        document.addEventListener('input', event => {
            if (event.target && event.target.id === 'conversation:text') {
                typed(event.target);
            } else if (event.target && event.target.id === 'cannedSearch') {
                CareQueueDesk.filterCanned(event.target.value);
            }
        });
        /* Listeners here, not on* attributes in the page: the page's Content-Security-Policy runs no inline script. */
        document.addEventListener('click', event => {
            const canned = event.target && event.target.closest ? event.target.closest('#cannedList .cq-canned') : null;
            if (canned) {
                CareQueueDesk.insertCanned(canned);
            }
        });
        connect();
        setInterval(tick, 1000);
        /* The server closes a signal socket silent for 150 s (a sleeping laptop, a lost network): keep it talking. */
        setInterval(() => sendFrame({type: 'ping'}), 20 * 1000);
        /* Keeps the session of an open desk alive and re-reads the sidebar in case a signal was lost. */
        setInterval(() => call('refreshSidebar'), 5 * 60 * 1000);
        /*
         * The operators' dashboard also re-reads now and then: an agent whose server died leaves
         * without a signal once that server's word of their desk goes stale.
         */
        setInterval(() => call('refreshDashboard'), 15 * 1000);
    });
    /* Captured at the document: the composer is rendered anew after each send. */
    document.addEventListener('keydown', expandCanned, true);
    window.addEventListener('beforeunload', () => {
        leaving = true;
    });
    /*
     * A page left for another may stay alive in the browser's back/forward cache with its socket open,
     * which would keep the agent online on the operators' dashboard: the socket closes as the page is
     * left, and opens again (re-reading everything) if the page is shown from the cache.
     */
    window.addEventListener('pagehide', () => {
        leaving = true;
        if (socket) {
            socket.close();
        }
    });
    window.addEventListener('pageshow', event => {
        if (event.persisted) {
            leaving = false;
            connect();
            signal({kind: 'all'});
        }
    });
    document.addEventListener('pointerdown', () => audio && audio.state === 'suspended' && audio.resume());
})();
