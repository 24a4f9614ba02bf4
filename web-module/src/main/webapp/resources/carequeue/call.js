/*
 * A one-to-one video call over WebRTC, signalled through CareQueue's sockets with {"type":"rtc"} frames
 * (see org.carequeue.api.chat.ClientFrame). The desk uses it over its signal socket; a customer client uses it
 * over the chat socket, the same way.
 *
 * The caller sends "call"; the other side answers "pick-up" or "busy" (declined, or already in a call). After
 * "pick-up" the caller sends the offer, the callee the answer, and both their ICE candidates. "hang-up" from
 * either side ends the call; the chat goes on. Screen sharing swaps the camera's track for the screen's, so it
 * needs no new offer.
 *
 * options: send(frame) puts a frame on the socket; audienceId (agents name the audience, customers need not);
 * iceServers (RTCIceServer[] from the ready frame or the page); localVideo, remoteVideo (video elements);
 * onChange(phase, detail, peerName) for the page, phase being idle, calling, ringing, connecting or in-call.
 */
(function () {
    'use strict';

    function CareQueueCall(options) {
        let phase = 'idle';
        let peerName = null;
        let connection = null;
        let connecting = null;
        let camera = null;
        let screen = null;
        let pendingCandidates = [];
        /* Frames are handled one after the other: an answer must not overtake the offer it answers. */
        let queue = Promise.resolve();

        function send(signal, extra) {
            const frame = Object.assign({type: 'rtc', signal: signal}, extra || {});
            if (options.audienceId) {
                frame.audienceId = options.audienceId;
            }
            options.send(frame);
        }

        function changed(detail) {
            if (options.onChange) {
                options.onChange(phase, detail || '', peerName);
            }
        }

        function later(task) {
            queue = queue.then(task).catch(error => {
                console.log('call failed', error);
                end('The call failed: ' + (error && error.message ? error.message : error), true);
            });
            return queue;
        }

        async function media() {
            if (!camera) {
                camera = await navigator.mediaDevices.getUserMedia({audio: true, video: true});
                options.localVideo.srcObject = camera;
            }
            return camera;
        }

        /* One RTCPeerConnection per call, with the camera and microphone on it. */
        function peerConnection() {
            if (!connecting) {
                connecting = (async () => {
                    const pc = new RTCPeerConnection({iceServers: options.iceServers || []});
                    pc.onicecandidate = event => {
                        if (event.candidate) {
                            send('ice-candidate', {candidate: event.candidate.candidate,
                                sdpMid: event.candidate.sdpMid, sdpMLineIndex: event.candidate.sdpMLineIndex});
                        }
                    };
                    pc.ontrack = event => {
                        if (options.remoteVideo.srcObject !== event.streams[0]) {
                            options.remoteVideo.srcObject = event.streams[0];
                        }
                    };
                    pc.onconnectionstatechange = () => {
                        if (connection !== pc) {
                            return;
                        }
                        if (pc.connectionState === 'connected') {
                            phase = 'in-call';
                            changed();
                        } else if (pc.connectionState === 'failed') {
                            end('The call could not connect', true);
                        }
                    };
                    const stream = await media();
                    stream.getTracks().forEach(track => pc.addTrack(track, stream));
                    connection = pc;
                    return pc;
                })();
            }
            return connecting;
        }

        async function addCandidates() {
            const waiting = pendingCandidates;
            pendingCandidates = [];
            for (const candidate of waiting) {
                await connection.addIceCandidate(candidate);
            }
        }

        function end(detail, tellOtherSide) {
            if (phase === 'idle') {
                return;
            }
            if (tellOtherSide) {
                send('hang-up');
            }
            if (connection) {
                connection.close();
            }
            [camera, screen].forEach(stream => stream && stream.getTracks().forEach(track => track.stop()));
            connection = connecting = camera = screen = null;
            pendingCandidates = [];
            options.localVideo.srcObject = null;
            options.remoteVideo.srcObject = null;
            phase = 'idle';
            changed(detail);
        }

        async function received(frame) {
            switch (frame.signal) {
                case 'call':
                    if (phase !== 'idle') {
                        send('busy');
                        return;
                    }
                    peerName = frame.from ? frame.from.name : null;
                    phase = 'ringing';
                    changed();
                    return;
                case 'busy':
                    if (phase === 'calling') {
                        end((peerName || 'The other side') + ' did not take the call', false);
                    }
                    return;
                case 'pick-up': {
                    if (phase !== 'calling') {
                        return;
                    }
                    phase = 'connecting';
                    changed();
                    const pc = await peerConnection();
                    const offer = await pc.createOffer();
                    await pc.setLocalDescription(offer);
                    send('offer', {sdp: offer.sdp});
                    return;
                }
                case 'offer': {
                    if (phase !== 'connecting') {
                        return;
                    }
                    const pc = await peerConnection();
                    await pc.setRemoteDescription({type: 'offer', sdp: frame.sdp});
                    await addCandidates();
                    const answer = await pc.createAnswer();
                    await pc.setLocalDescription(answer);
                    send('answer', {sdp: answer.sdp});
                    return;
                }
                case 'answer':
                    /* Only the first answer counts (a second desk tab on the same conversation may answer too). */
                    if (connection && phase === 'connecting' && connection.signalingState === 'have-local-offer') {
                        await connection.setRemoteDescription({type: 'answer', sdp: frame.sdp});
                        await addCandidates();
                    }
                    return;
                case 'ice-candidate': {
                    if (phase === 'idle' || !frame.candidate) {
                        return;
                    }
                    const candidate = {candidate: frame.candidate, sdpMid: frame.sdpMid,
                        sdpMLineIndex: frame.sdpMLineIndex};
                    if (connection && connection.remoteDescription) {
                        await connection.addIceCandidate(candidate);
                    } else {
                        pendingCandidates.push(candidate);
                    }
                    return;
                }
                case 'hang-up':
                    end((peerName || 'The other side') + ' hung up', false);
                    return;
                default:
            }
        }

        async function restoreCamera() {
            const sender = connection && connection.getSenders().find(s => s.track && s.track.kind === 'video');
            if (screen) {
                screen.getTracks().forEach(track => track.stop());
                screen = null;
            }
            if (sender && camera) {
                await sender.replaceTrack(camera.getVideoTracks()[0]);
                options.localVideo.srcObject = camera;
            }
            changed();
        }

        this.phase = () => phase;
        /* What the test reads: the RTCPeerConnection's connectionState, or "none" without a call. */
        this.connectionState = () => connection ? connection.connectionState : 'none';
        this.sharingScreen = () => !!screen;

        /* A call or response frame from the other side. */
        this.handle = frame => later(() => received(frame));

        this.start = name => later(() => {
            if (phase === 'idle') {
                peerName = name || null;
                phase = 'calling';
                changed();
                send('call');
            }
        });

        this.accept = () => later(async () => {
            if (phase === 'ringing') {
                phase = 'connecting';
                changed();
                await media();
                send('pick-up');
            }
        });

        this.decline = () => later(() => {
            if (phase === 'ringing') {
                send('busy');
                phase = 'idle';
                changed('Call declined');
            }
        });

        this.hangUp = detail => later(() => end(detail || 'Call ended', true));

        /* The server refused a frame of ours (not allowed, conversation not live): the call cannot go on. */
        this.refused = error => later(() => end(error.detail || error.code, false));

        this.shareScreen = () => later(async () => {
            if (!connection || screen) {
                return;
            }
            try {
                screen = await navigator.mediaDevices.getDisplayMedia({video: true});
            } catch (error) {
                /* Cancelled or not allowed by the browser: the call goes on with the camera. */
                changed('The screen was not shared');
                return;
            }
            const track = screen.getVideoTracks()[0];
            const sender = connection.getSenders().find(s => s.track && s.track.kind === 'video');
            await sender.replaceTrack(track);
            options.localVideo.srcObject = screen;
            track.onended = () => later(restoreCamera);
            changed();
        });

        this.stopSharing = () => later(restoreCamera);
    }

    window.CareQueueCall = CareQueueCall;
})();
