/*
 * CareQueue's customer chat, inside the widget's iframe (loader.js puts the frame on the host page).
 * Same origin as the API, so plain fetch and the chat socket, no CORS.
 *
 * - Everything the customer or the agent typed reaches the page as text (text nodes, textContent),
 *   never as HTML: the element helper below has no way to set markup.
 * - The audience survives a reload of the host page within the browser session (sessionStorage):
 *   its id, the customer token, the view and the messages not yet acknowledged. The messages
 *   themselves are read again from the server.
 * - The socket reconnects by itself with a bounded backoff and resumes from the last seq shown;
 *   messages are shown once per seq, and a message whose "sent" never came is sent again with
 *   the same clientMessageId, which the server stores once.
 */
(function () {
    'use strict';

    const STRINGS = {
        en: {
            title: 'Chat with us', openChat: 'Chat with us', minimize: 'Minimize chat', loading: 'Loading…',
            unavailable: 'The chat is not available right now.', retry: 'Try again', back: 'Back',
            chooseQueue: 'Who would you like to talk to?', waiting: n => n + ' waiting',
            leaveMessage: 'Leave a message instead', closedTitle: 'We are not available right now',
            nextOpen: t => 'Next open ' + t, busy: 'All our agents are busy right now.',
            contactIntro: 'Leave your contact details and we will get back to you.', queue: 'Topic',
            name: 'Name', email: 'E-mail', phone: 'Phone', message: 'Message', send: 'Send',
            required: 'Required', contactNeedsWay: 'Give an e-mail address or a phone number.',
            contactSent: 'Thank you! We received your message and will get back to you.',
            start: 'Start chat', queueing: 'You are in line', youAreNext: 'You are next',
            position: n => 'You are at position ' + n, eta: m => 'Estimated wait about ' + m + ' min',
            leaveLine: 'Leave the line', chattingWith: n => 'You are chatting with ' + n, agent: 'Agent',
            you: 'You', composer: 'Write a message', sendMessage: 'Send message', emoji: 'Emojis',
            attach: 'Send a file', typing: n => n + ' is typing…', sending: 'Sending…',
            end: 'End', endConfirm: 'End conversation?', yesEnd: 'Yes, end', cancel: 'Cancel',
            leaveConfirm: 'Leave the line?', yesLeave: 'Yes, leave', ended: 'The conversation has ended.',
            left: 'You left the line.', rate: 'How did we do?', rated: 'Thanks for the rating!', good: 'Good', okay: 'Okay', poor: 'Poor',
            after: 'A few questions about the conversation', submit: 'Send answers', skip: 'Skip',
            thanks: 'Thank you for contacting us!', newChat: 'Start a new conversation',
            offline: 'Connection lost. Reconnecting…', gaveUp: 'Connection lost.', reconnect: 'Reconnect',
            tooBig: 'The file is too large.', fileType: 'This type of file cannot be sent.',
            noFiles: 'Files cannot be sent here.', error: 'Something went wrong. Please try again.',
            queueGone: 'This line cannot take you right now.', messages: 'Messages', file: 'File',
            videoCall: 'Start a video call', calling: 'Calling…', incoming: n => n + ' is calling you (video)',
            accept: 'Answer', decline: 'Decline', connecting: 'Connecting…', inCall: n => 'Video call with ' + n,
            hangUp: 'Hang up', callEnded: 'The video call ended.', noVideo: 'Video calls are not available in this chat.',
            video: 'Video call'
        },
        fi: {
            title: 'Chat', openChat: 'Keskustele kanssamme', minimize: 'Pienennä chat', loading: 'Ladataan…',
            unavailable: 'Chat ei ole nyt käytettävissä.', retry: 'Yritä uudelleen', back: 'Takaisin',
            chooseQueue: 'Kenen kanssa haluat keskustella?', waiting: n => n + ' jonossa',
            leaveMessage: 'Jätä mieluummin viesti', closedTitle: 'Emme ole nyt tavoitettavissa',
            nextOpen: t => 'Avaamme seuraavan kerran ' + t, busy: 'Kaikki asiantuntijamme ovat nyt varattuina.',
            contactIntro: 'Jätä yhteystietosi, niin otamme sinuun yhteyttä.', queue: 'Aihe',
            name: 'Nimi', email: 'Sähköposti', phone: 'Puhelin', message: 'Viesti', send: 'Lähetä',
            required: 'Pakollinen', contactNeedsWay: 'Anna sähköpostiosoite tai puhelinnumero.',
            contactSent: 'Kiitos! Saimme viestisi ja otamme sinuun yhteyttä.',
            start: 'Aloita keskustelu', queueing: 'Olet jonossa', youAreNext: 'Olet seuraavana',
            position: n => 'Olet jonossa sijalla ' + n, eta: m => 'Arvioitu odotusaika noin ' + m + ' min',
            leaveLine: 'Poistu jonosta', chattingWith: n => 'Keskustelet: ' + n, agent: 'Asiantuntija',
            you: 'Sinä', composer: 'Kirjoita viesti', sendMessage: 'Lähetä viesti', emoji: 'Emojit',
            attach: 'Lähetä tiedosto', typing: n => n + ' kirjoittaa…', sending: 'Lähetetään…',
            end: 'Lopeta', endConfirm: 'Lopetetaanko keskustelu?', yesEnd: 'Kyllä, lopeta', cancel: 'Peruuta',
            leaveConfirm: 'Poistutaanko jonosta?', yesLeave: 'Kyllä, poistu', ended: 'Keskustelu on päättynyt.',
            left: 'Poistuit jonosta.', rate: 'Miten onnistuimme?', rated: 'Kiitos arviostasi!', good: 'Hyvin', okay: 'Kohtalaisesti',
            poor: 'Huonosti', after: 'Muutama kysymys keskustelusta', submit: 'Lähetä vastaukset', skip: 'Ohita',
            thanks: 'Kiitos yhteydenotostasi!', newChat: 'Aloita uusi keskustelu',
            offline: 'Yhteys katkesi. Yhdistetään uudelleen…', gaveUp: 'Yhteys katkesi.', reconnect: 'Yhdistä uudelleen',
            tooBig: 'Tiedosto on liian suuri.', fileType: 'Tämän tyyppistä tiedostoa ei voi lähettää.',
            noFiles: 'Tiedostoja ei voi lähettää tässä.', error: 'Jokin meni vikaan. Yritä uudelleen.',
            queueGone: 'Tämä jono ei voi nyt ottaa sinua vastaan.', messages: 'Viestit', file: 'Tiedosto',
            videoCall: 'Aloita videopuhelu', calling: 'Soitetaan…', incoming: n => n + ' soittaa sinulle videopuhelun',
            accept: 'Vastaa', decline: 'Hylkää', connecting: 'Yhdistetään…', inCall: n => 'Videopuhelu: ' + n,
            hangUp: 'Lopeta puhelu', callEnded: 'Videopuhelu päättyi.',
            noVideo: 'Videopuhelut eivät ole käytettävissä tässä chatissa.', video: 'Videopuhelu'
        },
        sv: {
            title: 'Chatt', openChat: 'Chatta med oss', minimize: 'Minimera chatten', loading: 'Laddar…',
            unavailable: 'Chatten är inte tillgänglig just nu.', retry: 'Försök igen', back: 'Tillbaka',
            chooseQueue: 'Vem vill du prata med?', waiting: n => n + ' i kö',
            leaveMessage: 'Lämna ett meddelande i stället', closedTitle: 'Vi är inte tillgängliga just nu',
            nextOpen: t => 'Öppnar igen ' + t, busy: 'Alla våra handläggare är upptagna just nu.',
            contactIntro: 'Lämna dina kontaktuppgifter så hör vi av oss.', queue: 'Ämne',
            name: 'Namn', email: 'E-post', phone: 'Telefon', message: 'Meddelande', send: 'Skicka',
            required: 'Obligatoriskt', contactNeedsWay: 'Ange en e-postadress eller ett telefonnummer.',
            contactSent: 'Tack! Vi har tagit emot ditt meddelande och hör av oss.',
            start: 'Starta chatten', queueing: 'Du står i kö', youAreNext: 'Du är näst på tur',
            position: n => 'Du är nummer ' + n + ' i kön', eta: m => 'Beräknad väntetid cirka ' + m + ' min',
            leaveLine: 'Lämna kön', chattingWith: n => 'Du chattar med ' + n, agent: 'Handläggare',
            you: 'Du', composer: 'Skriv ett meddelande', sendMessage: 'Skicka meddelandet', emoji: 'Emojier',
            attach: 'Skicka en fil', typing: n => n + ' skriver…', sending: 'Skickar…',
            end: 'Avsluta', endConfirm: 'Avsluta samtalet?', yesEnd: 'Ja, avsluta', cancel: 'Avbryt',
            leaveConfirm: 'Lämna kön?', yesLeave: 'Ja, lämna', ended: 'Samtalet har avslutats.',
            left: 'Du lämnade kön.', rate: 'Hur gick det?', rated: 'Tack för ditt betyg!', good: 'Bra', okay: 'Okej', poor: 'Dåligt',
            after: 'Några frågor om samtalet', submit: 'Skicka svaren', skip: 'Hoppa över',
            thanks: 'Tack för att du kontaktade oss!', newChat: 'Starta ett nytt samtal',
            offline: 'Anslutningen bröts. Återansluter…', gaveUp: 'Anslutningen bröts.', reconnect: 'Återanslut',
            tooBig: 'Filen är för stor.', fileType: 'Den här filtypen kan inte skickas.',
            noFiles: 'Det går inte att skicka filer här.', error: 'Något gick fel. Försök igen.',
            queueGone: 'Den här kön kan inte ta emot dig just nu.', messages: 'Meddelanden', file: 'Fil',
            videoCall: 'Starta ett videosamtal', calling: 'Ringer upp…', incoming: n => n + ' ringer dig (video)',
            accept: 'Svara', decline: 'Avvisa', connecting: 'Ansluter…', inCall: n => 'Videosamtal med ' + n,
            hangUp: 'Lägg på', callEnded: 'Videosamtalet avslutades.',
            noVideo: 'Videosamtal är inte tillgängliga i den här chatten.', video: 'Videosamtal'
        }
    };
    const EMOJIS = ['😀', '😊', '🙂', '😉', '😍', '🤔', '😅', '😂', '😢', '😮', '🙄', '👍', '👎', '👏', '🙏', '👋',
        '💪', '🎉', '❤️', '✅', '❌', '⭐', '☕', '💡'];
    /* Reconnect delays, the last repeating; after MAX_RECONNECTS failures in a row the customer decides. */
    const RECONNECT_MS = [500, 1000, 2000, 4000, 8000, 15000];
    const MAX_RECONNECTS = 20;
    /* Typing: "on" at most every 3 s while typing, "off" when sent, cleared or after 4 s idle; shown 6 s. */
    const TYPING_REPEAT_MS = 3000;
    const TYPING_IDLE_MS = 4000;
    const TYPING_SHOWN_MS = 6000;
    const RETRY_BUSY_MS = 2000;
    /* The server keeps questionnaire answers up to this length. */
    const MAX_ANSWER = 1000;

    const params = new URLSearchParams(location.search);
    const siteKey = params.get('site') || '';
    const API = new URL('../api/v1/', location.href);
    const SOCKET = new URL('../api/ws/chat', location.href);
    SOCKET.protocol = SOCKET.protocol === 'https:' ? 'wss:' : 'ws:';
    const STORE = 'carequeue.widget.' + siteKey;

    let lang = STRINGS[params.get('lang')] ? params.get('lang') : 'en';
    let t = STRINGS[lang];
    let site = null;
    /* What survives a reload: {open, audienceId, token, queueId, view, agentName, position, etaSeconds, outbox, rated, answered,
       noVideo (the server refused the customer's call: the queue lets only the agent call)}. */
    let state = load();
    let view = null;
    let host = {};
    let socket = null;
    let live = false;
    let reconnects = 0;
    let reconnectTimer = null;
    let unread = 0;
    /* Messages by seq (read again after a reload), and the highest seq shown: the resume point. */
    const messages = new Map();
    let lastSeq = 0;
    let typingSentAt = 0;
    let typingIdle = null;
    let typingShown = null;
    /* The video call: a CareQueueCall of /resources/carequeue/call.js, loaded when the site offers video. */
    let videoCall = null;

    // --- elements, always built from text: no markup from anywhere goes into the page ---

    function h(tag, props, ...children) {
        const el = document.createElement(tag);
        for (const [key, value] of Object.entries(props || {})) {
            if (value == null || value === false) {
                continue;
            }
            if (key.startsWith('on')) {
                el.addEventListener(key.slice(2), value);
            } else if (key === 'class') {
                el.className = value;
            } else if (key === 'value' || key === 'checked') {
                el[key] = value;
            } else {
                el.setAttribute(key, value === true ? '' : value);
            }
        }
        for (const child of children.flat()) {
            if (child != null && child !== false) {
                el.append(child);
            }
        }
        return el;
    }

    function icon(path) {
        const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
        svg.setAttribute('viewBox', '0 0 24 24');
        svg.setAttribute('aria-hidden', 'true');
        svg.setAttribute('focusable', 'false');
        const p = document.createElementNS('http://www.w3.org/2000/svg', 'path');
        p.setAttribute('d', path);
        svg.append(p);
        return svg;
    }

    const ICON_CHAT = 'M4 4h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H9l-5 4v-4a2 2 0 0 1-2-2V6a2 2 0 0 1 2-2z';
    const ICON_MIN = 'M5 11h14v2H5z';
    const ICON_SEND = 'M3 20.5 21 12 3 3.5 3 10l12 2-12 2z';
    const ICON_CLIP = 'M16.5 6.5v10a4.5 4.5 0 0 1-9 0V5a3 3 0 0 1 6 0v10.5a1.5 1.5 0 0 1-3 0V6.5H9v9a3 3 0 0 0 6 0V5a4.5 4.5 0 0 0-9 0v11.5a6 6 0 0 0 12 0v-10z';
    const ICON_VIDEO = 'M3 6h12a2 2 0 0 1 2 2v2.5l4-3v9l-4-3V16a2 2 0 0 1-2 2H3a2 2 0 0 1-2-2V8a2 2 0 0 1 2-2z';
    const ICON_SMILE = 'M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20zm0 18a8 8 0 1 1 0-16 8 8 0 0 1 0 16zM8.5 11a1.5 1.5 0 1 0 0-3 1.5 1.5 0 0 0 0 3zm7 0a1.5 1.5 0 1 0 0-3 1.5 1.5 0 0 0 0 3zM12 17.5c2.3 0 4.3-1.4 5-3.5H7c.7 2.1 2.7 3.5 5 3.5z';

    const app = document.getElementById('app');
    const badge = h('span', {class: 'cq-badge', hidden: true});
    const bar = h('button', {type: 'button', class: 'cq-bar', id: 'cq-bar', 'aria-controls': 'cq-panel',
        'aria-expanded': 'false', onclick: () => setOpen(true)}, icon(ICON_CHAT), h('span', {id: 'cq-bar-label'}), badge);
    const title = h('h1', {id: 'cq-title', class: 'cq-title'});
    const minimize = h('button', {type: 'button', class: 'cq-icon', id: 'cq-minimize', onclick: () => setOpen(false)},
        icon(ICON_MIN));
    const status = h('div', {class: 'cq-status', id: 'cq-status', role: 'status'});
    const main = h('div', {class: 'cq-view', id: 'cq-view'});
    const panel = h('section', {class: 'cq-panel', id: 'cq-panel', 'aria-labelledby': 'cq-title', hidden: true},
        h('header', {class: 'cq-head'}, title, minimize), status, main);
    app.append(bar, panel);

    function texts() {
        document.documentElement.lang = lang;
        document.title = t.title;
        bar.querySelector('#cq-bar-label').textContent = t.openChat;
        title.textContent = t.title;
        minimize.setAttribute('aria-label', t.minimize);
        minimize.title = t.minimize;
    }

    // --- storage ---

    function load() {
        try {
            return JSON.parse(sessionStorage.getItem(STORE)) || {};
        } catch (e) {
            return {};
        }
    }

    function save() {
        try {
            sessionStorage.setItem(STORE, JSON.stringify(state));
        } catch (e) {
            // storage refused (private mode, quota): the chat works on, it just does not survive a reload
        }
    }

    function forgetAudience() {
        endCall();
        state = {open: state.open};
        save();
        closeSocket();
        messages.clear();
        lastSeq = 0;
    }

    // --- the frame on the host page ---

    function setOpen(open, focus = true) {
        state.open = open;
        save();
        bar.hidden = open;
        panel.hidden = !open;
        bar.setAttribute('aria-expanded', String(open));
        if (open) {
            unread = 0;
            badge.hidden = true;
        }
        parent.postMessage({carequeue: 'widget', open}, '*');
        if (focus) {
            if (open) {
                focusView();
            } else {
                bar.focus();
            }
        }
    }

    window.addEventListener('message', event => {
        // Only the page embedding the frame says where the customer is; it is metadata for the agent.
        if (event.source === parent && event.data && event.data.carequeue === 'host') {
            host = {page: String(event.data.page || ''), referrer: String(event.data.referrer || '')};
        }
    });

    document.addEventListener('keydown', event => {
        if (event.key !== 'Escape' || panel.hidden) {
            return;
        }
        const confirmation = document.querySelector('.cq-confirm');
        const emojis = document.querySelector('.cq-emojis:not([hidden])');
        if (confirmation) {
            confirmation.cqCancel();
        } else if (emojis) {
            toggleEmojis(false);
            document.getElementById('cq-emoji-button').focus();
        } else {
            setOpen(false);
        }
        event.preventDefault();
    });

    // --- HTTP ---

    async function call(method, path, body, token) {
        const headers = {Accept: 'application/json'};
        if (body !== undefined && !(body instanceof Blob)) {
            headers['Content-Type'] = 'application/json';
        }
        if (token) {
            headers.Authorization = 'Bearer ' + token;
        }
        let response;
        try {
            response = await fetch(new URL(path, API), {method, headers,
                body: body === undefined ? undefined : body instanceof Blob ? body : JSON.stringify(body)});
        } catch (networkDown) {
            return {ok: false, status: 0, body: {}};
        }
        let json = {};
        try {
            json = await response.json();
        } catch (e) {
            // an empty or non-JSON answer
        }
        return {ok: response.ok, status: response.status, body: json};
    }

    // --- views ---

    function show(name, ...content) {
        view = name;
        app.dataset.view = name;
        main.replaceChildren(...content.filter(part => part != null));
        main.scrollTop = 0;
        if (!panel.hidden && (document.activeElement === document.body || main.contains(document.activeElement)
            || !document.activeElement)) {
            focusView();
        }
    }

    /* The first control of the view, or its heading, so the keyboard and a screen reader start there. */
    function focusView() {
        const target = main.querySelector('[data-focus]') || main.querySelector('h2')
            || main.querySelector('button, input, select, textarea');
        if (target) {
            if (!target.matches('button, input, select, textarea')) {
                target.tabIndex = -1;
            }
            target.focus({preventScroll: true});
        }
    }

    function paragraph(text, cls) {
        return text ? h('p', {class: cls || 'cq-text'}, text) : null;
    }

    function showLoading() {
        show('loading', h('p', {class: 'cq-text cq-center'}, t.loading));
    }

    function showUnavailable() {
        show('unavailable', h('h2', {}, t.unavailable),
            h('button', {type: 'button', class: 'cq-primary', onclick: boot}, t.retry));
    }

    function queueState(queue) {
        if (queue.state === 'OPEN') {
            return queue.length > 0 ? t.waiting(queue.length) : '';
        }
        return queue.nextOpenAt ? t.nextOpen(when(queue.nextOpenAt)) : '';
    }

    function showStart() {
        const queues = site.queues || [];
        const open = queues.filter(q => q.state === 'OPEN');
        if (site.autoQueueId) {
            const auto = queues.find(q => q.id === site.autoQueueId);
            if (auto && auto.state === 'OPEN') {
                showQuestionnaire(auto, false);
            } else {
                showClosed(auto ? [auto] : queues, auto && auto.state === 'FULL' ? t.busy : null);
            }
            return;
        }
        if (open.length === 0) {
            showClosed(queues, queues.some(q => q.state === 'FULL') ? t.busy : null);
            return;
        }
        show('start', greeting(),
            h('h2', {}, t.chooseQueue),
            h('ul', {class: 'cq-queues'}, open.map(queue => h('li', {},
                h('button', {type: 'button', class: 'cq-queue', 'data-queue-id': queue.id,
                    onclick: () => showQuestionnaire(queue, true)},
                h('span', {class: 'cq-queue-name'}, queue.name),
                h('span', {class: 'cq-queue-state'}, queueState(queue)))))),
            h('button', {type: 'button', class: 'cq-link', id: 'cq-leave-message',
                onclick: () => showClosed(queues, null, true)}, t.leaveMessage));
    }

    function greeting() {
        return h('div', {class: 'cq-greeting'}, paragraph(site.texts.welcome, 'cq-welcome'),
            paragraph(site.texts.motd, 'cq-motd'));
    }

    function showQuestionnaire(queue, canGoBack) {
        const fields = form(site.preQuestionnaire || [], 'pre');
        const error = h('p', {class: 'cq-error', role: 'alert'});
        const submit = h('button', {type: 'submit', class: 'cq-primary', id: 'cq-start'}, t.start);
        const element = h('form', {class: 'cq-form', novalidate: true, onsubmit: async event => {
            event.preventDefault();
            const answers = fields.read();
            if (!answers) {
                return;
            }
            submit.disabled = true;
            error.textContent = '';
            await request(queue, answers, fields, error);
            submit.disabled = false;
        }}, fields.element, error, submit);
        show('questionnaire', canGoBack ? backButton() : greeting(),
            canGoBack ? h('h2', {}, queue.name) : null, element);
    }

    function backButton() {
        return h('button', {type: 'button', class: 'cq-link cq-back', onclick: showStart}, '← ' + t.back);
    }

    async function request(queue, answers, fields, error) {
        const body = {siteKey, preAnswers: answers, metadata: metadata()};
        if (answers.name) {
            body.name = answers.name;
        }
        const reply = await call('POST', 'queues/' + encodeURIComponent(queue.id) + '/requests', body);
        if (reply.ok) {
            state = {open: state.open, audienceId: reply.body.audienceId, token: reply.body.customerToken,
                queueId: queue.id, view: 'queue', position: reply.body.position, outbox: []};
            save();
            showQueue();
            connect();
        } else if (reply.status === 409) {
            await reloadSite();
            const current = (site.queues || []).find(q => q.id === queue.id) || queue;
            showClosed([current], t.queueGone);
        } else if (reply.status === 400 && reply.body.field && fields.fail(reply.body.field, reply.body.detail)) {
            // shown beside its field
        } else {
            error.textContent = t.error;
        }
    }

    function metadata() {
        // Each value is bounded by the server (1,000 characters).
        const m = {browser: navigator.userAgent.slice(0, 1000), screen: screen.width + '×' + screen.height};
        if (host.page) {
            m.page = host.page.slice(0, 1000);
        }
        if (host.referrer) {
            m.referrer = host.referrer.slice(0, 1000);
        }
        return m;
    }

    /* The closed (or full) view: why, when it opens, and the contact form for one of the queues. */
    function showClosed(queues, note, byChoice) {
        const targets = queues.length ? queues : [];
        const opening = targets.filter(q => q.nextOpenAt && q.state !== 'OPEN');
        const contact = contactForm(targets);
        show('closed', byChoice ? backButton() : null,
            h('h2', {}, byChoice ? t.leaveMessage : t.closedTitle),
            byChoice ? null : paragraph(note || site.texts.closed),
            opening.length ? h('ul', {class: 'cq-opening'}, opening.map(q => h('li', {class: 'cq-next-open'},
                (targets.length > 1 ? q.name + ': ' : '') + t.nextOpen(when(q.nextOpenAt))))) : null,
            paragraph(t.contactIntro), contact);
    }

    function contactForm(queues) {
        const defs = [];
        if (queues.length > 1) {
            defs.push({name: 'queue', label: t.queue, type: 'SELECT', required: true,
                options: queues.map(q => ({value: q.id, label: q.name}))});
        }
        defs.push({name: 'name', label: t.name, type: 'TEXT', required: true, autocomplete: 'name', max: 200},
            {name: 'email', label: t.email, type: 'TEXT', input: 'email', autocomplete: 'email', max: 254},
            {name: 'phone', label: t.phone, type: 'TEXT', input: 'tel', autocomplete: 'tel', max: 40},
            {name: 'message', label: t.message, type: 'TEXTAREA', required: true, max: 10000});
        const fields = form(defs, 'contact');
        const error = h('p', {class: 'cq-error', role: 'alert'});
        const submit = h('button', {type: 'submit', class: 'cq-primary', id: 'cq-contact-send'}, t.send);
        return h('form', {class: 'cq-form', novalidate: true, id: 'cq-contact', onsubmit: async event => {
            event.preventDefault();
            const values = fields.read();
            if (!values) {
                return;
            }
            if (!values.email && !values.phone) {
                fields.fail('email', t.contactNeedsWay);
                return;
            }
            const queueId = values.queue || (queues[0] && queues[0].id);
            if (!queueId) {
                error.textContent = t.unavailable;
                return;
            }
            submit.disabled = true;
            error.textContent = '';
            const reply = await call('POST', 'queues/' + encodeURIComponent(queueId) + '/contacts', {siteKey,
                name: values.name, email: values.email || null, phone: values.phone || null, message: values.message});
            submit.disabled = false;
            if (reply.ok) {
                show('contact-sent', done(), h('h2', {}, t.contactSent),
                    h('button', {type: 'button', class: 'cq-secondary', onclick: showStart}, t.back));
            } else if (!(reply.status === 400 && fields.fail(reply.body.field, reply.body.detail))) {
                error.textContent = t.error;
            }
        }}, fields.element, error, submit);
    }

    /*
     * A questionnaire from the site's field definitions. read() gives the answers (null while a
     * required one is missing: the errors are shown beside the fields); fail(name, text) marks a field.
     */
    function form(defs, prefix) {
        const rows = defs.map((def, index) => field(def, prefix + '-' + index));
        return {
            element: h('div', {class: 'cq-fields'}, rows.map(row => row.element)),
            read() {
                const answers = {};
                let first = null;
                for (const row of rows) {
                    row.error('');
                    const value = row.value();
                    if (row.def.required && !value) {
                        row.error(t.required);
                        first = first || row;
                    } else if (value) {
                        answers[row.def.name] = value;
                    }
                }
                if (first) {
                    first.focus();
                    return null;
                }
                return answers;
            },
            fail(name, text) {
                const key = String(name || '').replace(/^(pre|post)Answers\./, '');
                const row = rows.find(r => r.def.name === key);
                if (row) {
                    row.error(text || t.error);
                    row.focus();
                }
                return !!row;
            }
        };
    }

    function field(def, id) {
        const message = h('p', {class: 'cq-field-error', id: id + '-error'});
        const label = [def.label || def.name, def.required ? h('span', {class: 'cq-req', 'aria-hidden': 'true'}, ' *') : null];
        const common = {id, name: def.name, 'aria-describedby': id + '-error', 'aria-required': def.required ? 'true' : null};
        const options = def.options || [];
        let element;
        let controls;
        let value;
        if (def.type === 'RADIO' || (def.type === 'CHECKBOX' && options.length)) {
            const type = def.type === 'RADIO' ? 'radio' : 'checkbox';
            controls = options.map((option, i) => h('input', {type, id: id + '-' + i, name: id, value: option.value}));
            element = h('fieldset', {class: 'cq-field cq-choices', 'aria-describedby': id + '-error', id},
                h('legend', {}, label), options.map((option, i) => h('label', {class: 'cq-choice', for: id + '-' + i},
                    controls[i], h('span', {}, option.label))), message);
            value = () => controls.filter(c => c.checked).map(c => c.value).join(', ');
        } else if (def.type === 'CHECKBOX') {
            controls = [h('input', Object.assign({type: 'checkbox'}, common))];
            element = h('div', {class: 'cq-field cq-check'}, h('label', {class: 'cq-choice', for: id}, controls[0],
                h('span', {}, label)), message);
            value = () => controls[0].checked ? 'true' : '';
        } else {
            let control;
            if (def.type === 'SELECT') {
                control = h('select', common, h('option', {value: ''}, '—'),
                    options.map(option => h('option', {value: option.value}, option.label)));
            } else if (def.type === 'TEXTAREA') {
                control = h('textarea', Object.assign({rows: 3, maxlength: def.max || MAX_ANSWER}, common));
            } else {
                control = h('input', Object.assign({type: def.input || 'text', autocomplete: def.autocomplete,
                    maxlength: def.max || MAX_ANSWER}, common));
            }
            controls = [control];
            element = h('div', {class: 'cq-field'}, h('label', {for: id}, label), control, message);
            value = () => control.value.trim();
        }
        return {
            def, element, value,
            focus: () => controls[0].focus(),
            error(text) {
                message.textContent = text;
                element.classList.toggle('cq-invalid', !!text);
                controls.forEach(c => text ? c.setAttribute('aria-invalid', 'true') : c.removeAttribute('aria-invalid'));
            }
        };
    }

    // --- waiting in line ---

    function showQueue() {
        const position = h('p', {class: 'cq-position', id: 'cq-position', role: 'status', 'aria-live': 'polite'});
        const eta = h('p', {class: 'cq-eta', id: 'cq-eta'});
        show('queue', h('h2', {}, t.queueing), paragraph(site.texts.queueing),
            h('div', {class: 'cq-waiting', 'aria-hidden': 'true'}, h('span'), h('span'), h('span')),
            position, eta,
            h('button', {type: 'button', class: 'cq-secondary', id: 'cq-leave', onclick: () => confirm(t.leaveConfirm,
                t.yesLeave, end)}, t.leaveLine));
        showPosition();
    }

    function showPosition() {
        const position = document.getElementById('cq-position');
        if (!position) {
            return;
        }
        position.textContent = state.position == null ? '' : state.position <= 1 ? t.youAreNext : t.position(state.position);
        document.getElementById('cq-eta').textContent = state.etaSeconds == null ? ''
            : t.eta(Math.max(1, Math.round(state.etaSeconds / 60)));
    }

    // --- the conversation ---

    function showChat() {
        const text = h('textarea', {id: 'cq-text', rows: 1, maxlength: 10000, 'aria-label': t.composer,
            placeholder: t.composer, onkeydown: event => {
                if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
                    event.preventDefault();
                    sendComposed();
                }
            }, oninput: () => {
                grow(text);
                typing(text.value.trim() !== '');
            }});
        const file = h('input', {type: 'file', id: 'cq-file', class: 'cq-offscreen', tabindex: '-1', 'aria-hidden': 'true',
            onchange: () => {
                if (file.files[0]) {
                    upload(file.files[0]);
                }
                file.value = '';
            }});
        const emojis = h('div', {class: 'cq-emojis', id: 'cq-emojis', role: 'group', 'aria-label': t.emoji, hidden: true},
            EMOJIS.map(emoji => h('button', {type: 'button', class: 'cq-emoji', onclick: () => insert(text, emoji)}, emoji)));
        show('chat',
            h('div', {class: 'cq-chat-head'},
                h('p', {class: 'cq-agent', id: 'cq-agent'}, t.chattingWith(state.agentName || t.agent)),
                site.video ? videoButton : null,
                h('button', {type: 'button', class: 'cq-secondary cq-small', id: 'cq-end',
                    onclick: () => confirm(t.endConfirm, t.yesEnd, end)}, t.end)),
            site.video ? callText : null,
            site.video ? callPanel : null,
            h('div', {class: 'cq-messages', id: 'cq-messages', role: 'log', 'aria-live': 'polite', 'aria-label': t.messages,
                tabindex: '0'}),
            h('p', {class: 'cq-typing', id: 'cq-typing', 'aria-live': 'polite'}),
            h('p', {class: 'cq-error', id: 'cq-chat-error', role: 'alert'}),
            emojis,
            h('form', {class: 'cq-composer', onsubmit: event => {
                event.preventDefault();
                sendComposed();
            }},
            h('button', {type: 'button', class: 'cq-icon', id: 'cq-emoji-button', 'aria-label': t.emoji, title: t.emoji,
                'aria-expanded': 'false', 'aria-controls': 'cq-emojis', onclick: () => toggleEmojis()}, icon(ICON_SMILE)),
            site.attachments ? h('button', {type: 'button', class: 'cq-icon', id: 'cq-attach', 'aria-label': t.attach,
                title: t.attach, onclick: () => file.click()}, icon(ICON_CLIP)) : null,
            site.attachments ? file : null,
            text,
            h('button', {type: 'submit', class: 'cq-send', id: 'cq-send', 'aria-label': t.sendMessage, title: t.sendMessage},
                icon(ICON_SEND))));
        [...messages.values()].sort((a, b) => a.seq - b.seq).forEach(render);
        (state.outbox || []).forEach(renderPending);
        scrollDown();
        if (site.video) {
            renderCall();
        }
        if (!panel.hidden) {
            text.focus();
        }
    }

    // --- the video call ---

    /*
     * The customer's side of a call runs the desk's own call.js over the chat socket. Whether the queue lets the
     * customer call is the queue's setting, which the customer is not told: the button is offered when the site
     * offers video, and the server's refusal (call_not_allowed) hides it for the rest of the conversation. A call
     * from the agent rings whenever the site offers video (the server relays it only when the queue allows it).
     */
    const remoteVideo = h('video', {class: 'cq-remote-video', id: 'cq-remote-video', autoplay: true, playsinline: true});
    const localVideo = h('video', {class: 'cq-local-video', id: 'cq-local-video', autoplay: true, playsinline: true});
    localVideo.muted = true;
    const callText = h('p', {class: 'cq-call-text', id: 'cq-call-text', role: 'status'});
    const callButtons = h('div', {class: 'cq-call-buttons'});
    const callPanel = h('div', {class: 'cq-call', id: 'cq-call', role: 'region', hidden: true},
        h('div', {class: 'cq-call-videos'}, remoteVideo, localVideo), callButtons);
    const videoButton = h('button', {type: 'button', class: 'cq-icon', id: 'cq-video', onclick: startCall}, icon(ICON_VIDEO));
    const callOptions = {send: frame => live && socket.send(JSON.stringify(frame)), localVideo, remoteVideo,
        onChange: (phase, detail, peerName) => renderCall(peerName)};
    let callLoading = null;
    /* The phase last shown, and whether the customer declined, to tell how an idle call came about. */
    let shownPhase = 'idle';
    let declined = false;

    function callScript() {
        if (!callLoading) {
            callLoading = new Promise((resolve, reject) => document.head.append(h('script',
                {src: new URL('../resources/carequeue/call.js', location.href).href, onload: resolve, onerror: reject})))
                .catch(error => {
                    callLoading = null;
                    throw error;
                });
        }
        return callLoading;
    }

    async function theCall() {
        await callScript();
        videoCall = videoCall || new CareQueueCall(callOptions);
        return videoCall;
    }

    async function startCall() {
        declined = false;
        try {
            (await theCall()).start(state.agentName || t.agent);
        } catch (e) {
            chatError(t.error);
        }
    }

    /* The agent's signalling. Without video on the site the widget answers busy, so the desk does not ring on. */
    function rtc(frame) {
        const busy = () => frame.signal === 'call' && callOptions.send({type: 'rtc', signal: 'busy'});
        if (!site.video) {
            busy();
            return;
        }
        theCall().then(call => call.handle(frame), busy);
    }

    /* An error frame that answers no message: a refused call signal. */
    function callRefused(frame) {
        if (frame.code === 'call_not_allowed') {
            state.noVideo = true;
            save();
        }
        if (videoCall && videoCall.phase() !== 'idle') {
            videoCall.refused(frame);
        } else {
            renderCall();
        }
    }

    function endCall() {
        if (videoCall) {
            videoCall.hangUp();
        }
    }

    // Leaving or reloading the host page ends the call (a reloaded chat cannot take it over); the agent is told.
    window.addEventListener('pagehide', endCall);

    /* peerName: the agent's name from their call frame (call.js), else the name the chat knows. */
    function renderCall(peerName) {
        const phase = videoCall ? videoCall.phase() : 'idle';
        const name = peerName || state.agentName || t.agent;
        const had = shownPhase;
        shownPhase = phase;
        const focused = callPanel.contains(document.activeElement) || document.activeElement === videoButton;
        videoButton.setAttribute('aria-label', t.videoCall);
        videoButton.title = t.videoCall;
        videoButton.hidden = phase !== 'idle' || !!state.noVideo;
        callPanel.setAttribute('aria-label', t.video);
        callPanel.hidden = phase === 'idle';
        callPanel.dataset.phase = phase;
        if (phase === 'ringing' && had !== 'ringing' && panel.hidden) {
            // Minimized: the bar's badge says something is waiting, as for a message.
            unread++;
            badge.textContent = String(unread);
            badge.hidden = false;
        }
        if (phase === 'idle') {
            callText.textContent = had === 'idle' ? callText.textContent
                : had === 'calling' && state.noVideo ? t.noVideo : declined ? '' : t.callEnded;
            callButtons.replaceChildren();
        } else {
            callText.textContent = {calling: t.calling, ringing: t.incoming(name), connecting: t.connecting}[phase]
                || t.inCall(name);
            callButtons.replaceChildren(...(phase === 'ringing' ? [
                h('button', {type: 'button', class: 'cq-primary', id: 'cq-call-accept', onclick: () => {
                    declined = false;
                    videoCall.accept();
                }}, t.accept),
                h('button', {type: 'button', class: 'cq-secondary', id: 'cq-call-decline', onclick: () => {
                    declined = true;
                    videoCall.decline();
                }}, t.decline)
            ] : [h('button', {type: 'button', class: 'cq-danger', id: 'cq-hang-up', onclick: () => videoCall.hangUp()},
                t.hangUp)]));
        }
        // The control the keyboard was on is gone: the next one of the call, or the composer.
        if (focused && (callPanel.hidden || !callPanel.contains(document.activeElement))) {
            const next = callPanel.hidden ? document.getElementById('cq-text') : callButtons.querySelector('button');
            if (next) {
                next.focus();
            }
        }
    }

    function grow(text) {
        text.style.height = 'auto';
        text.style.height = Math.min(text.scrollHeight, 120) + 'px';
    }

    function insert(text, emoji) {
        const start = text.selectionStart ?? text.value.length;
        text.setRangeText(emoji, start, text.selectionEnd ?? start, 'end');
        toggleEmojis(false);
        text.focus();
    }

    function toggleEmojis(show) {
        const emojis = document.getElementById('cq-emojis');
        const button = document.getElementById('cq-emoji-button');
        if (!emojis) {
            return;
        }
        const open = show ?? emojis.hidden;
        emojis.hidden = !open;
        button.setAttribute('aria-expanded', String(open));
        if (open) {
            emojis.querySelector('button').focus();
        }
    }

    function sendComposed() {
        const text = document.getElementById('cq-text');
        const value = text.value.trim();
        if (!value) {
            return;
        }
        text.value = '';
        grow(text);
        typing(false);
        const item = {clientMessageId: newId(), text: value};
        state.outbox = (state.outbox || []).concat(item);
        save();
        renderPending(item);
        scrollDown();
        transmit(item);
    }

    function transmit(item) {
        if (live) {
            socket.send(JSON.stringify({type: 'send', clientMessageId: item.clientMessageId, text: item.text}));
        }
    }

    /* Stored: the server acknowledged it, or its own echo came back. */
    function stored(clientMessageId) {
        const before = (state.outbox || []).length;
        state.outbox = (state.outbox || []).filter(item => item.clientMessageId !== clientMessageId);
        if (state.outbox.length !== before) {
            save();
        }
        const pending = document.querySelector('[data-client-id="' + CSS.escape(clientMessageId) + '"].cq-pending');
        if (pending && messagesWith(clientMessageId)) {
            pending.remove();
        }
    }

    function messagesWith(clientMessageId) {
        for (const m of messages.values()) {
            if (m.from && m.from.role === 'customer' && m.clientMessageId === clientMessageId) {
                return true;
            }
        }
        return false;
    }

    function newId() {
        const bytes = crypto.getRandomValues(new Uint8Array(16));
        return 'w-' + Array.from(bytes, b => b.toString(16).padStart(2, '0')).join('');
    }

    function addMessage(m) {
        if (messages.has(m.seq)) {
            return;
        }
        messages.set(m.seq, m);
        lastSeq = Math.max(lastSeq, m.seq);
        const mine = m.from && m.from.role === 'customer';
        if (mine && m.clientMessageId) {
            stored(m.clientMessageId);
        }
        if (m.from && m.from.role === 'agent') {
            clearTyping();
            if (panel.hidden) {
                unread++;
                badge.textContent = String(unread);
                badge.hidden = false;
            }
        }
        if (view === 'chat') {
            const list = document.getElementById('cq-messages');
            const nearBottom = list.scrollHeight - list.scrollTop - list.clientHeight < 80;
            render(m);
            if (nearBottom || mine) {
                scrollDown();
            }
        }
    }

    /* One message in seq order (a resume may deliver older ones after newer live ones). */
    function render(m) {
        const list = document.getElementById('cq-messages');
        const role = m.from ? m.from.role : 'system';
        let item;
        if (role === 'system') {
            item = h('div', {class: 'cq-msg cq-system', 'data-seq': m.seq}, h('span', {}, m.text || ''));
        } else {
            const who = role === 'customer' ? t.you : (m.from.name || t.agent);
            item = h('div', {class: 'cq-msg cq-from-' + role, 'data-seq': m.seq, 'data-client-id': m.clientMessageId || null},
                h('div', {class: 'cq-meta'}, h('span', {class: 'cq-who'}, who), ' ',
                    h('time', {datetime: m.sentAt}, clock(m.sentAt))),
                m.attachment ? attachment(m.attachment) : h('div', {class: 'cq-bubble'}, m.text || ''));
        }
        const later = [...list.querySelectorAll('[data-seq]')].find(el => Number(el.dataset.seq) > m.seq)
            || list.querySelector('.cq-pending');
        list.insertBefore(item, later || null);
    }

    function renderPending(item) {
        const list = document.getElementById('cq-messages');
        if (!list || list.querySelector('[data-client-id="' + CSS.escape(item.clientMessageId) + '"]')) {
            return;
        }
        list.append(h('div', {class: 'cq-msg cq-from-customer cq-pending', 'data-client-id': item.clientMessageId},
            h('div', {class: 'cq-meta'}, h('span', {class: 'cq-who'}, t.you), ' ', h('span', {}, t.sending)),
            h('div', {class: 'cq-bubble'}, item.text)));
    }

    function scrollDown() {
        const list = document.getElementById('cq-messages');
        if (list) {
            list.scrollTop = list.scrollHeight;
        }
    }

    /* Files need the customer token, so they are fetched and handed to the browser as blobs. */
    function attachment(a) {
        const bubble = h('div', {class: 'cq-bubble cq-file'});
        const open = h('button', {type: 'button', class: 'cq-file-link', onclick: () => download(a)},
            h('span', {class: 'cq-file-name'}, a.name), h('span', {class: 'cq-file-size'}, size(a.size)));
        if (a.thumbnailUrl) {
            const img = h('img', {alt: a.name, class: 'cq-thumb'});
            bytes(a.thumbnailUrl).then(blob => {
                if (blob) {
                    img.src = URL.createObjectURL(blob);
                }
            });
            bubble.append(h('button', {type: 'button', class: 'cq-thumb-button', 'aria-label': a.name,
                onclick: () => download(a)}, img));
        }
        bubble.append(open);
        return bubble;
    }

    async function bytes(url) {
        try {
            const response = await fetch(new URL(url, location.href), {headers: {Authorization: 'Bearer ' + state.token}});
            return response.ok ? await response.blob() : null;
        } catch (e) {
            return null;
        }
    }

    async function download(a) {
        const blob = await bytes(a.url);
        if (!blob) {
            chatError(t.error);
            return;
        }
        const url = URL.createObjectURL(blob);
        const link = h('a', {href: url, download: a.name, class: 'cq-hidden'});
        document.body.append(link);
        link.click();
        link.remove();
        setTimeout(() => URL.revokeObjectURL(url), 10000);
    }

    function size(n) {
        return n < 1024 ? n + ' B' : n < 1048576 ? Math.round(n / 1024) + ' KB' : (n / 1048576).toFixed(1) + ' MB';
    }

    async function upload(file) {
        chatError('');
        const id = newId();
        const reply = await call('POST', 'audiences/' + encodeURIComponent(state.audienceId) + '/attachments?clientMessageId='
            + id + '&name=' + encodeURIComponent(file.name), file, state.token);
        if (!reply.ok) {
            chatError(reply.status === 413 ? t.tooBig : reply.status === 415 ? t.fileType
                : reply.status === 403 ? t.noFiles : t.error);
        }
    }

    function chatError(text) {
        const error = document.getElementById('cq-chat-error');
        if (error) {
            error.textContent = text;
        }
    }

    function typing(on) {
        clearTimeout(typingIdle);
        if (on) {
            typingIdle = setTimeout(() => typing(false), TYPING_IDLE_MS);
            if (Date.now() - typingSentAt < TYPING_REPEAT_MS) {
                return;
            }
            typingSentAt = Date.now();
        } else if (!typingSentAt) {
            return;
        } else {
            typingSentAt = 0;
        }
        if (live) {
            socket.send(JSON.stringify({type: 'typing', on}));
        }
    }

    function showTyping(frame) {
        const line = document.getElementById('cq-typing');
        if (!line || !frame.from || frame.from.role !== 'agent') {
            return;
        }
        clearTimeout(typingShown);
        if (frame.on) {
            line.textContent = t.typing(frame.from.name || t.agent);
            typingShown = setTimeout(clearTyping, TYPING_SHOWN_MS);
        } else {
            clearTyping();
        }
    }

    function clearTyping() {
        const line = document.getElementById('cq-typing');
        if (line) {
            line.textContent = '';
        }
    }

    /* A small confirmation inside the view; the safe answer has the focus. */
    function confirm(question, yes, action) {
        document.querySelectorAll('.cq-confirm').forEach(el => el.remove());
        const opener = document.activeElement;
        const id = 'cq-confirm-' + Date.now();
        const cancel = h('button', {type: 'button', class: 'cq-secondary', id: 'cq-confirm-no', onclick: () => box.cqCancel()},
            t.cancel);
        const box = h('div', {class: 'cq-confirm', role: 'alertdialog', 'aria-modal': 'true', 'aria-labelledby': id},
            h('div', {class: 'cq-confirm-box'}, h('p', {id}, question),
                h('div', {class: 'cq-actions'}, cancel, h('button', {type: 'button', class: 'cq-danger', id: 'cq-confirm-yes',
                    onclick: () => {
                        box.remove();
                        action();
                    }}, yes))));
        box.cqCancel = () => {
            box.remove();
            if (opener && opener.isConnected) {
                opener.focus();
            }
        };
        main.append(box);
        cancel.focus();
    }

    async function end() {
        const reply = await call('POST', 'audiences/' + encodeURIComponent(state.audienceId) + '/end', {}, state.token);
        if (reply.ok) {
            changed(reply.body.state);
        } else if (reply.status === 409) {
            await resumeAudience();
        } else {
            chatError(t.error);
        }
    }

    // --- after the end ---

    function showAfter() {
        endCall();
        closeSocket();
        state.view = 'after';
        save();
        const post = site.postQuestionnaire || [];
        const rating = site.rating && !state.rated;
        const questions = post.length > 0 && !state.answered;
        if (!rating && !questions) {
            showThanks();
            return;
        }
        const parts = [h('h2', {}, t.ended)];
        if (site.rating && state.rated) {
            parts.push(h('p', {class: 'cq-rated', role: 'status'}, t.rated));
        }
        if (rating) {
            parts.push(h('div', {class: 'cq-rating', role: 'group', 'aria-labelledby': 'cq-rate'},
                h('p', {id: 'cq-rate', class: 'cq-label'}, t.rate),
                h('div', {class: 'cq-rating-buttons'}, [[1, '🙂', t.good], [0, '😐', t.okay], [-1, '🙁', t.poor]].map(
                    ([value, face, label]) => h('button', {type: 'button', class: 'cq-rate', 'data-rating': value,
                        onclick: () => rate(value)}, h('span', {class: 'cq-face', 'aria-hidden': 'true'}, face),
                    h('span', {}, label))))));
        }
        if (questions) {
            const fields = form(post, 'post');
            const error = h('p', {class: 'cq-error', role: 'alert'});
            parts.push(h('form', {class: 'cq-form', novalidate: true, id: 'cq-post', onsubmit: async event => {
                event.preventDefault();
                const answers = fields.read();
                if (!answers) {
                    return;
                }
                const reply = await call('POST', 'audiences/' + encodeURIComponent(state.audienceId) + '/post-answers',
                    {answers}, state.token);
                if (reply.ok || reply.status === 409) {
                    state.answered = true;
                    save();
                    showAfter();
                } else if (!(reply.status === 400 && fields.fail(reply.body.field, reply.body.detail))) {
                    error.textContent = t.error;
                }
            }}, h('p', {class: 'cq-label'}, t.after), fields.element, error,
            h('div', {class: 'cq-actions'}, h('button', {type: 'button', class: 'cq-secondary', onclick: () => {
                state.answered = true;
                save();
                showAfter();
            }}, t.skip), h('button', {type: 'submit', class: 'cq-primary', id: 'cq-post-send'}, t.submit))));
        }
        show('after', ...parts);
    }

    async function rate(value) {
        const reply = await call('POST', 'audiences/' + encodeURIComponent(state.audienceId) + '/rating', {rating: value},
            state.token);
        if (reply.ok || reply.status === 409) {
            state.rated = true;
            save();
            showAfter();
        }
    }

    function showThanks() {
        show('thanks', done(), h('h2', {}, t.thanks),
            h('button', {type: 'button', class: 'cq-primary', id: 'cq-new', onclick: newConversation}, t.newChat));
    }

    function done() {
        return h('div', {class: 'cq-done', 'aria-hidden': 'true'}, '✓');
    }

    function showLeft() {
        forgetAudience();
        show('left', h('h2', {}, t.left),
            h('button', {type: 'button', class: 'cq-primary', id: 'cq-new', onclick: newConversation}, t.newChat));
    }

    async function newConversation() {
        forgetAudience();
        await reloadSite();
        showStart();
    }

    // --- the audience's state, from the socket or the API ---

    function changed(audienceState, agentName) {
        if (agentName) {
            state.agentName = agentName;
        }
        if (audienceState === 'REQUESTED') {
            state.view = 'queue';
            save();
            view === 'queue' ? showPosition() : showQueue();
        } else if (audienceState === 'ACCEPTED') {
            state.view = 'chat';
            save();
            if (view !== 'chat') {
                showChat();
            } else if (agentName) {
                document.getElementById('cq-agent').textContent = t.chattingWith(agentName);
            }
        } else if (audienceState === 'FINISHED' || audienceState === 'COMPLETE') {
            if (view !== 'after' && view !== 'thanks') {
                showAfter();
            }
        } else if (audienceState === 'DROPPED') {
            showLeft();
        }
    }

    /* Picked before the socket was up: no state frame named the agent, the audience does. */
    async function learnAgentName() {
        const reply = await call('GET', 'audiences/' + encodeURIComponent(state.audienceId), undefined, state.token);
        if (reply.ok && reply.body.agentName) {
            changed(reply.body.state, reply.body.agentName);
        }
    }

    /* After a reload: the audience as the server has it, then the socket for what is live. */
    async function resumeAudience() {
        const reply = await call('GET', 'audiences/' + encodeURIComponent(state.audienceId), undefined, state.token);
        if (!reply.ok) {
            if (reply.status === 0) {
                status.replaceChildren(h('span', {}, t.gaveUp), h('button', {type: 'button', class: 'cq-link',
                    onclick: () => {
                        status.replaceChildren();
                        resumeAudience();
                    }}, t.reconnect));
                return;
            }
            forgetAudience();
            showStart();
            return;
        }
        const audience = reply.body;
        state.position = audience.position;
        state.etaSeconds = audience.etaSeconds ?? null;
        changed(audience.state, audience.agentName);
        if (audience.state === 'REQUESTED' || audience.state === 'ACCEPTED') {
            connect();
        }
    }

    // --- the socket ---

    function connect() {
        if (socket || !state.token) {
            return;
        }
        clearTimeout(reconnectTimer);
        const s = new WebSocket(SOCKET);
        socket = s;
        s.onopen = () => s.send(JSON.stringify({type: 'auth', token: state.token}));
        s.onmessage = event => {
            let frame;
            try {
                frame = JSON.parse(event.data);
            } catch (e) {
                return;
            }
            if (socket === s) {
                onFrame(frame);
            }
        };
        s.onclose = event => {
            if (socket !== s) {
                return;
            }
            socket = null;
            live = false;
            clearTyping();
            if (event.code === 1008) {
                // The token was refused: the audience is gone (completed long ago, say).
                forgetAudience();
                showStart();
                return;
            }
            if (view !== 'queue' && view !== 'chat') {
                return;
            }
            reconnects++;
            if (reconnects > MAX_RECONNECTS) {
                status.replaceChildren(h('span', {}, t.gaveUp), h('button', {type: 'button', class: 'cq-link',
                    id: 'cq-reconnect', onclick: reconnectNow}, t.reconnect));
                return;
            }
            status.replaceChildren(h('span', {}, t.offline));
            reconnectTimer = setTimeout(connect, RECONNECT_MS[Math.min(reconnects, RECONNECT_MS.length) - 1]);
        };
    }

    function reconnectNow() {
        reconnects = 0;
        status.replaceChildren();
        connect();
    }

    window.addEventListener('online', () => {
        if (!socket && state.token && (view === 'queue' || view === 'chat')) {
            reconnectNow();
        }
    });

    function closeSocket() {
        clearTimeout(reconnectTimer);
        const s = socket;
        socket = null;
        live = false;
        if (s) {
            s.close();
        }
        status.replaceChildren();
    }

    function onFrame(frame) {
        switch (frame.type) {
            case 'ready':
                live = true;
                callOptions.iceServers = frame.iceServers || [];
                reconnects = 0;
                status.replaceChildren();
                if (frame.position != null) {
                    state.position = frame.position;
                    state.etaSeconds = frame.etaSeconds ?? null;
                }
                changed(frame.state);
                if (frame.state === 'ACCEPTED' && !state.agentName) {
                    learnAgentName();
                }
                if (socket) {
                    socket.send(JSON.stringify({type: 'resume', since: lastSeq}));
                    (state.outbox || []).forEach(transmit);
                }
                break;
            case 'queue':
                state.position = frame.position;
                state.etaSeconds = frame.etaSeconds ?? null;
                save();
                showPosition();
                break;
            case 'state':
                changed(frame.state, frame.agentName);
                break;
            case 'message':
                addMessage(frame);
                break;
            case 'sent':
                stored(frame.clientMessageId);
                break;
            case 'typing':
                showTyping(frame);
                break;
            case 'rtc':
                rtc(frame);
                break;
            case 'error':
                failed(frame);
                break;
            default:
                break;
        }
    }

    /* A send the server refused: busy is retried, anything else will not get better by retrying. */
    function failed(frame) {
        if (!frame.clientMessageId) {
            callRefused(frame);
            return;
        }
        const item = (state.outbox || []).find(i => i.clientMessageId === frame.clientMessageId);
        if (!item) {
            return;
        }
        if (frame.code === 'service_unavailable') {
            setTimeout(() => transmit(item), RETRY_BUSY_MS);
            return;
        }
        state.outbox = state.outbox.filter(i => i !== item);
        save();
        const pending = document.querySelector('[data-client-id="' + CSS.escape(item.clientMessageId) + '"]');
        if (pending) {
            pending.classList.add('cq-failed');
            pending.querySelector('.cq-meta span:last-child').textContent = t.error;
        }
    }

    // --- times ---

    function clock(iso) {
        return iso ? new Intl.DateTimeFormat(lang, {hour: '2-digit', minute: '2-digit'}).format(new Date(iso)) : '';
    }

    function when(iso) {
        const date = new Date(iso);
        const sameDay = date.toDateString() === new Date().toDateString();
        return new Intl.DateTimeFormat(lang, sameDay ? {hour: '2-digit', minute: '2-digit'}
            : {weekday: 'long', day: 'numeric', month: 'numeric', hour: '2-digit', minute: '2-digit'}).format(date);
    }

    // --- start ---

    async function reloadSite() {
        const reply = await call('GET', 'sites/' + encodeURIComponent(siteKey) + '?lang=' + lang);
        if (!reply.ok) {
            return false;
        }
        site = reply.body;
        site.texts = site.texts || {};
        if (STRINGS[site.language] && site.language !== lang) {
            lang = site.language;
            t = STRINGS[lang];
            texts();
        }
        return true;
    }

    async function boot() {
        texts();
        showLoading();
        if (!await reloadSite()) {
            showUnavailable();
            return;
        }
        if (state.token) {
            await resumeAudience();
        } else {
            showStart();
        }
    }

    texts();
    setOpen(!!state.open, false);
    boot();
}());
