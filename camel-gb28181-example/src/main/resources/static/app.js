// The platform's web page: plain DOM and fetch against the REST API, the live event log over server-sent events,
// live video as MP4 fragments over a WebSocket into Media Source Extensions. Everything a device sends is shown with
// textContent, never as HTML.
"use strict";

const state = {devices: [], deviceId: null, channelId: null, seenEvents: new Set()};
const $ = (selector) => document.querySelector(selector);

function el(tag, props = {}, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(props)) {
        if (key === "class") node.className = value;
        else if (key === "data") Object.entries(value).forEach(([k, v]) => node.dataset[k] = v);
        else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
        else node[key] = value;
    }
    for (const child of children) {
        if (child !== null && child !== undefined) node.append(child instanceof Node ? child : String(child));
    }
    return node;
}

async function api(method, path, body) {
    const response = await fetch(path, {
        method,
        headers: body === undefined ? {} : {"Content-Type": "application/json"},
        body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    const json = text ? JSON.parse(text) : null;
    if (!response.ok) {
        throw new Error(json && json.message ? json.message : `${response.status} ${response.statusText}`);
    }
    return json;
}

let toastTimer;
function toast(message, error = false) {
    const box = $("#toast");
    box.textContent = message;
    box.className = error ? "error" : "";
    box.hidden = false;
    clearTimeout(toastTimer);
    toastTimer = setTimeout(() => box.hidden = true, error ? 6000 : 2500);
}

function when(iso) {
    if (!iso) return "";
    const time = new Date(iso);
    return time.toDateString() === new Date().toDateString() ? time.toLocaleTimeString() : time.toLocaleString();
}

function duration(millis) {
    const s = Math.round(millis / 1000);
    const h = Math.floor(s / 3600), m = Math.floor(s / 60) % 60, sec = s % 60;
    return (h ? `${h}:${String(m).padStart(2, "0")}` : `${m}`) + `:${String(sec).padStart(2, "0")}`;
}

function size(bytes) {
    if (bytes < 1024) return `${bytes} B`;
    if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
    return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}

// ---- devices

async function loadDevices() {
    try {
        state.devices = await api("GET", "/api/devices");
    } catch (e) {
        return; // the platform restarting: the next round tries again
    }
    if (!state.deviceId && state.devices.length > 0) {
        selectDevice(state.devices[0].deviceId);
    }
    renderDevices();
}

let renderedDevices = "";
function renderDevices() {
    // only when something changed: a row replaced between press and release would swallow the click
    const signature = JSON.stringify([state.devices, state.deviceId]);
    if (signature === renderedDevices) return;
    renderedDevices = signature;
    const online = state.devices.filter(d => d.online).length;
    $("#summary").textContent = `${state.devices.length} devices, ${online} online`;
    $("#no-devices").hidden = state.devices.length > 0;
    $("#devices tbody").replaceChildren(...state.devices.map(d => el("tr", {
            class: d.deviceId === state.deviceId ? "selected" : "",
            data: {deviceId: d.deviceId},
            title: d.online ? "online" : "offline",
            onclick: () => selectDevice(d.deviceId),
        },
        el("td", {}, el("span", {class: "dot" + (d.online ? " online" : "")})),
        el("td", {},
            el("div", {class: "mono"}, d.deviceId),
            el("div", {class: "muted"}, [d.name, [d.manufacturer, d.model].filter(Boolean).join(" ")]
                .filter(Boolean).join(" · "))),
        el("td", {class: "mono"}, d.remoteAddress || "", " ", el("span", {class: "muted"}, d.transport || "")),
        el("td", {}, d.channelCount),
        el("td", {class: "muted"}, when(d.lastKeepaliveAt || d.registeredAt)))));
}

async function selectDevice(deviceId) {
    if (state.deviceId !== deviceId) {
        state.channelId = null;
        $("#answer").hidden = true;
    }
    state.deviceId = deviceId;
    $("#device-title").textContent = deviceId;
    ["#query-catalog", "#query-info", "#query-status"].forEach(b => $(b).disabled = false);
    renderDevices();
    await loadChannels();
}

async function loadChannels() {
    if (!state.deviceId) return;
    let channels = [];
    try {
        channels = await api("GET", `/api/devices/${state.deviceId}/channels`);
    } catch (e) {
        toast(e.message, true);
    }
    if (!state.channelId && channels.length > 0) {
        state.channelId = channels[0].channelId;
    }
    $("#no-channels").hidden = channels.length > 0;
    $("#no-channels").textContent = "This device has listed no channel yet: refresh its catalog.";
    $("#channels").replaceChildren(...channels.map(c => el("li", {
            class: c.channelId === state.channelId ? "selected" : "",
            data: {channelId: c.channelId},
            onclick: () => { state.channelId = c.channelId; loadChannels(); },
        },
        el("div", {}, el("div", {class: "name"}, c.name || "(no name)"), el("div", {class: "mono muted"}, c.channelId)),
        el("span", {class: "badge" + (String(c.status).toUpperCase() === "ON" ? " on" : "")}, c.status || "?"))));
    renderControl();
}

async function query(kind) {
    const answer = $("#answer");
    answer.hidden = false;
    answer.textContent = `Asking ${state.deviceId} …`;
    try {
        const result = await api("POST", `/api/devices/${state.deviceId}/${kind}`);
        answer.textContent = JSON.stringify(result, null, 2);
        if (kind === "catalog") loadChannels();
    } catch (e) {
        answer.textContent = e.message;
        toast(e.message, true);
    }
}

// ---- control

function renderControl() {
    const enabled = Boolean(state.channelId);
    $("#channel-title").textContent = state.channelId || "";
    document.querySelectorAll("#control-panel button").forEach(b => b.disabled = !enabled);
    $("#records-search").disabled = !enabled;
}

function speed() {
    return Number($("#ptz-speed").value);
}

// Hold to move: the command goes out on press and a stop on release, after the command was answered, so the
// camera never receives them the wrong way round.
function bindPtz(button) {
    const command = button.dataset.ptz;
    let moving = null;
    button.addEventListener("pointerdown", (event) => {
        if (!state.channelId) return;
        event.preventDefault();
        button.classList.add("active");
        moving = ptz(command);
    });
    const release = () => {
        if (!moving) return;
        button.classList.remove("active");
        const sent = moving;
        moving = null;
        if (command !== "stop") sent.finally(() => ptz("stop"));
    };
    button.addEventListener("pointerup", release);
    button.addEventListener("pointerleave", release);
    button.addEventListener("pointercancel", release);
}

function ptz(command) {
    return api("POST", `/api/channels/${state.channelId}/ptz`, {command, speed: speed()})
        .catch(e => toast(e.message, true));
}

async function preset(action) {
    const index = Number($("#preset-index").value);
    try {
        await api("POST", `/api/channels/${state.channelId}/preset`, {action, index});
        toast(`Preset ${index}: ${action} sent`);
    } catch (e) {
        toast(e.message, true);
    }
}

async function play() {
    const button = $("#play");
    button.disabled = true;
    try {
        const stream = await api("POST", `/api/channels/${state.channelId}/play`, {transport: $("#play-transport").value});
        toast(`Stream ${stream.streamId} is being recorded to ${stream.recording}`);
        loadStreams();
    } catch (e) {
        toast(e.message, true);
    } finally {
        button.disabled = !state.channelId;
    }
}

// ---- streams

async function loadStreams() {
    let streams;
    try {
        streams = await api("GET", "/api/streams");
    } catch (e) {
        return;
    }
    $("#no-streams").hidden = streams.length > 0;
    // rows are updated in place, so a button is never swapped under the pointer between press and release
    const body = $("#streams tbody");
    const rows = new Map([...body.children].map(row => [row.dataset.streamId, row]));
    for (const s of streams) {
        let row = rows.get(s.streamId);
        rows.delete(s.streamId);
        if (!row) {
            row = streamRow(s);
            body.append(row);
        }
        const cells = row.children;
        [s.streamId, s.channelId || "", s.kind || "", s.state, s.frames, size(s.bytes), s.lostPackets, s.codec || "",
            s.viewers, `${s.recording} · ${duration(s.durationMillis)}`].forEach((text, i) => {
            if (cells[i].textContent !== String(text)) cells[i].textContent = text;
        });
        cells[9].title = s.file || "";
        const pause = row.querySelector("button.pause");
        if (pause) pause.textContent = s.state === "PAUSED" ? "Resume" : "Pause";
        row.dataset.state = s.state;
    }
    rows.forEach(row => row.remove());
}

function streamRow(s) {
    const row = el("tr", {data: {streamId: s.streamId}},
        el("td", {class: "mono"}), el("td", {class: "mono"}), el("td"), el("td"), el("td"), el("td"), el("td"),
        el("td"), el("td"), el("td", {class: "file"}));
    row.append(el("td", {},
        el("button", {class: "watch", onclick: () => watch(`streams/${s.streamId}`, s.streamId, s.kind)}, "Watch"),
        " ",
        s.kind === "LIVE" ? null : el("button", {
            class: "pause",
            onclick: () => streamCommand(s.streamId, row.dataset.state === "PAUSED" ? "resume" : "pause"),
        }, "Pause"),
        " ",
        el("button", {class: "danger", onclick: () => stopStream(s.streamId)}, "Stop")));
    return row;
}

async function streamCommand(streamId, command) {
    try {
        await api("POST", `/api/streams/${streamId}/${command}`);
    } catch (e) {
        toast(e.message, true);
    }
    loadStreams();
}

async function stopStream(streamId) {
    try {
        const stream = await api("DELETE", `/api/streams/${streamId}`);
        toast(`Stream ${streamId} stopped: ${stream.frames} frames, ${size(stream.bytes)}`);
    } catch (e) {
        toast(e.message, true);
    }
    loadStreams();
}

// ---- video: live streams over a WebSocket into Media Source Extensions, recordings as plain files

const player = {socket: null, buffer: null, queue: [], mime: null, kind: null, streamId: null, userPaused: false};
// for tests and curious users: when the page asked for video, and when the first picture was shown
window.liveStats = null;

function videoState(state, message) {
    $("#video-panel").dataset.state = state;
    const box = $("#video-message");
    if (message instanceof Node) box.replaceChildren(message); else box.textContent = message || "";
    $("#video-stop").disabled = state === "idle";
}

function stopVideo() {
    const socket = player.socket;
    player.socket = null;
    if (socket) socket.close();
    Object.assign(player, {buffer: null, queue: [], mime: null, kind: null, streamId: null, userPaused: false});
    const video = $("#video");
    video.pause();
    video.removeAttribute("src");
    video.controls = false;
    video.load();
    $("#playback-controls").hidden = true;
    $("#video-download").hidden = true;
    $("#video-note").hidden = true;
    $("#video-status").textContent = "";
    $("#video-title").textContent = "";
    videoState("idle", "Choose a channel and press Watch live, or play a recording.");
}

/** Plays /api/live/<path>: channels/<channelId> (shared live view) or streams/<streamId> (any open stream). */
function watch(path, title, kind) {
    stopVideo();
    player.kind = kind;
    window.liveStats = {requestedAt: performance.now(), firstFrameAt: null, mimeType: null};
    $("#video-title").textContent = title;
    $("#playback-controls").hidden = kind !== "PLAYBACK";
    videoState("connecting", "Connecting…");
    const socket = new WebSocket(`${location.protocol === "https:" ? "wss" : "ws"}://${location.host}/api/live/${path}`);
    socket.binaryType = "arraybuffer";
    player.socket = socket;
    socket.onmessage = (m) => {
        if (player.socket !== socket) return;
        if (typeof m.data === "string") liveMessage(JSON.parse(m.data)); else liveSegment(m.data);
    };
    socket.onclose = () => {
        if (player.socket !== socket) return;
        player.socket = null;
        if ($("#video-panel").dataset.state === "connecting") videoState("ended", "The platform closed the connection.");
    };
    loadStreams();
}

function liveMessage(message) {
    if (message.type === "init") {
        player.streamId = message.streamId;
        window.liveStats.mimeType = message.mimeType;
        const download = $("#video-download");
        download.href = `/api/recordings/${message.recording}?download=true`;
        download.hidden = false;
        $("#video-status").textContent = [message.codec === "H265" ? "H.265" : "H.264", `${message.width}×${message.height}`,
            message.audio ? message.audio : "no audio", `stream ${message.streamId}`].join(" · ");
        $("#video-note").textContent = message.note || "";
        $("#video-note").hidden = !message.note;
        if (!("MediaSource" in window) || !MediaSource.isTypeSupported(message.mimeType)) {
            unsupported(message);
        } else if (player.mime !== message.mimeType) {
            openMediaSource(message.mimeType);
        }
    } else if (message.type === "ended") {
        videoState("ended", `The stream ended: ${message.reason}.`);
        loadStreams();
        loadRecordings();
    } else if (message.type === "error") {
        videoState("ended", message.message);
        toast(message.message, true);
    }
}

// Said plainly, never a silent black box: the recording is there to download and play elsewhere.
function unsupported(message) {
    const socket = player.socket;
    player.socket = null;
    if (socket) socket.close();
    const codec = message.codec === "H265" ? "H.265 (HEVC)" : message.codec;
    videoState("unsupported", el("div", {},
        el("p", {}, `This browser cannot play ${codec} video (${message.mimeType}).`),
        el("p", {}, "The platform records the stream as MP4: ",
            el("a", {href: `/api/recordings/${message.recording}?download=true`, id: "unsupported-download"},
                "download it"),
            " and open it in VLC, ffplay or another player that decodes " + codec + "."),
        el("p", {}, "A stream opened for watching is hung up soon after you leave; press Record to keep recording.")));
    loadStreams();
}

function openMediaSource(mime) {
    const video = $("#video");
    const source = new MediaSource();
    player.mime = mime;
    player.buffer = null;
    video.src = URL.createObjectURL(source);
    source.addEventListener("sourceopen", () => {
        if (player.mime !== mime) return;
        player.buffer = source.addSourceBuffer(mime);
        player.buffer.addEventListener("updateend", pump);
        player.buffer.addEventListener("error", () => videoState("ended", "The browser could not decode the stream."));
        pump();
    }, {once: true});
    const first = () => {
        if (window.liveStats && window.liveStats.firstFrameAt === null) window.liveStats.firstFrameAt = performance.now();
        videoState("playing");
    };
    if ("requestVideoFrameCallback" in video) video.requestVideoFrameCallback(first);
    else video.addEventListener("playing", first, {once: true});
}

function liveSegment(data) {
    if ($("#video-panel").dataset.state === "unsupported") return;
    player.queue.push(data);
    pump();
}

function pump() {
    const buffer = player.buffer;
    if (!buffer || buffer.updating) return;
    const video = $("#video");
    const ranges = video.buffered;
    if (ranges.length) {
        const start = ranges.start(0), end = ranges.end(ranges.length - 1);
        // live: stay near the newest picture; a late joiner's buffer starts at the last key frame, seconds in
        if (player.kind === "LIVE" && (video.currentTime < start || end - video.currentTime > 2)) {
            video.currentTime = Math.max(ranges.start(ranges.length - 1), end - 0.3);
        } else if (video.currentTime < start) {
            video.currentTime = start;
        }
        if (video.currentTime - start > 60) {
            buffer.remove(start, video.currentTime - 30); // the page must not keep an hour of video
            return;
        }
        if (video.paused && !player.userPaused) video.play().catch(() => {});
    }
    const next = player.queue.shift();
    if (next) {
        try {
            buffer.appendBuffer(next);
        } catch (e) {
            videoState("ended", `The browser refused the stream: ${e.message}`);
        }
    }
}

function playRecording(recording) {
    stopVideo();
    const video = $("#video");
    $("#video-title").textContent = recording.name;
    $("#video-status").textContent = [recording.channelId, duration(recording.durationMillis), size(recording.bytes)]
        .filter(Boolean).join(" · ");
    const download = $("#video-download");
    download.href = `/api/recordings/${recording.name}?download=true`;
    download.hidden = false;
    video.controls = true;
    video.src = `/api/recordings/${recording.name}`;
    video.addEventListener("playing", () => videoState("playing"), {once: true});
    video.addEventListener("error", () => videoState("unsupported", recording.videoCodec === "hvc1"
        ? "This browser cannot play H.265 (HEVC) video: download the MP4 and open it in VLC or ffplay."
        : "The browser cannot play this recording."), {once: true});
    videoState("connecting", "Loading…");
    video.play().catch(() => {});
}

async function playbackCommand(command, body) {
    if (!player.streamId) return;
    try {
        await api("POST", `/api/streams/${player.streamId}/${command}`, body);
    } catch (e) {
        toast(e.message, true);
    }
}

function bindPlaybackControls() {
    $("#playback-pause").addEventListener("click", async () => {
        const pausing = $("#playback-pause").textContent === "Pause";
        await playbackCommand(pausing ? "pause" : "resume");
        player.userPaused = pausing;
        if (pausing) $("#video").pause(); else $("#video").play().catch(() => {});
        $("#playback-pause").textContent = pausing ? "Resume" : "Pause";
    });
    $("#playback-speed").addEventListener("change", async () => {
        const scale = Number($("#playback-speed").value);
        await playbackCommand("speed", {scale});
        $("#video").playbackRate = scale; // the device sends faster; the page plays faster to keep up
    });
    $("#playback-seek-go").addEventListener("click", () =>
        playbackCommand("seek", {seconds: Number($("#playback-seek").value)}));
    $("#video-stop").addEventListener("click", () => {
        const playback = player.kind === "PLAYBACK" ? player.streamId : null;
        stopVideo();
        if (playback) stopStream(playback);
    });
}

// ---- recordings

async function loadRecordings() {
    let recordings;
    try {
        recordings = await api("GET", "/api/recordings");
    } catch (e) {
        return;
    }
    $("#no-recordings").hidden = recordings.length > 0;
    $("#recordings tbody").replaceChildren(...recordings.map(r => el("tr", {data: {name: r.name}},
        el("td", {class: "mono"}, r.name, r.open ? el("span", {class: "badge on"}, "recording") : null),
        el("td", {class: "mono"}, r.channelId || ""),
        el("td", {}, r.kind || ""),
        el("td", {class: "muted"}, when(r.startedAt)),
        el("td", {class: "duration"}, duration(r.durationMillis)),
        el("td", {}, size(r.bytes)),
        el("td", {class: "muted"}, [r.videoCodec, r.audioCodec].filter(Boolean).join(" + ")),
        el("td", {},
            el("button", {class: "play", onclick: () => playRecording(r)}, "Play"), " ",
            el("a", {class: "button", href: `/api/recordings/${r.name}?download=true`}, "Download"), " ",
            el("button", {class: "danger", disabled: r.open, onclick: () => deleteRecording(r.name)}, "Delete")))));
}

async function deleteRecording(name) {
    try {
        await api("DELETE", `/api/recordings/${name}`);
    } catch (e) {
        toast(e.message, true);
    }
    loadRecordings();
}

// ---- recordings on the device (RecordInfo), played back through the platform

function localInput(date) {
    const pad = (n) => String(n).padStart(2, "0");
    return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:`
        + `${pad(date.getMinutes())}:${pad(date.getSeconds())}`;
}

function withSeconds(value) {
    return value.length === 16 ? value + ":00" : value;
}

async function searchRecords() {
    if (!state.channelId) return;
    const start = withSeconds($("#records-start").value), end = withSeconds($("#records-end").value);
    const body = $("#records tbody");
    $("#no-records").hidden = false;
    $("#no-records").textContent = "Asking the device…";
    body.replaceChildren();
    let items;
    try {
        items = await api("GET", `/api/devices/${state.deviceId}/records?channelId=${state.channelId}`
            + `&start=${encodeURIComponent(start)}&end=${encodeURIComponent(end)}`);
    } catch (e) {
        $("#no-records").textContent = e.message;
        return;
    }
    $("#no-records").hidden = items.length > 0;
    $("#no-records").textContent = "The device has no recording in that range.";
    const channelId = state.channelId;
    body.replaceChildren(...items.map(item => el("tr", {},
        el("td", {class: "mono"}, (item.startTime || "").replace("T", " ")),
        el("td", {class: "mono"}, (item.endTime || "").replace("T", " ")),
        el("td", {}, item.type || ""),
        el("td", {}, el("button", {class: "playback", onclick: () => playback(channelId, item)}, "Play")))));
}

async function playback(channelId, item) {
    try {
        const stream = await api("POST", `/api/channels/${channelId}/playback`,
            {start: item.startTime, end: item.endTime, transport: "udp"});
        watch(`streams/${stream.streamId}`, `${channelId} · ${item.startTime.replace("T", " ")}`, "PLAYBACK");
    } catch (e) {
        toast(e.message, true);
    }
}

// ---- events

function summary(event) {
    const b = event.body || {};
    switch (event.type) {
        case "REGISTER":
            return `${b.refresh ? "refreshed" : "registered"} from ${b.remoteAddress} over ${b.transport}, ${b.expires} s`;
        case "UNREGISTER":
            return `unregistered`;
        case "ONLINE":
        case "OFFLINE":
            return (b.reason || "").toLowerCase().replaceAll("_", " ");
        case "CATALOG":
            return `${(b.items || []).length} channels`;
        case "DEVICE_INFO":
            return [b.manufacturer, b.model, b.firmware].filter(Boolean).join(" ");
        case "ALARM":
            return [b.alarmPriority && `priority ${b.alarmPriority}`, b.alarmMethod && `method ${b.alarmMethod}`,
                b.alarmDescription].filter(Boolean).join(", ");
        case "SESSION_ENDED":
            return `${b.kind || ""} session ended: ${(b.endReason || "").toLowerCase().replaceAll("_", " ")}`;
        case "KEEPALIVE":
            return "keepalive";
        default:
            return b.cmdType || "";
    }
}

function showEvent(event) {
    if (state.seenEvents.has(event.id)) return;
    state.seenEvents.add(event.id);
    const list = $("#events");
    list.prepend(el("li", {},
        el("span", {class: "time"}, new Date(event.at).toLocaleTimeString()),
        el("span", {class: "type " + event.type}, event.type),
        el("span", {class: "mono"}, event.channelId || event.deviceId),
        el("span", {class: "what", title: JSON.stringify(event.body)}, summary(event))));
    while (list.children.length > 200) list.lastChild.remove();
}

function follow() {
    const live = $("#live");
    const source = new EventSource("/api/events/stream");
    source.onopen = () => { live.textContent = "live"; live.className = "live on"; };
    source.onerror = () => { live.textContent = "reconnecting…"; live.className = "live off"; };
    source.onmessage = (message) => {
        const event = JSON.parse(message.data);
        showEvent(event);
        if (["REGISTER", "UNREGISTER", "ONLINE", "OFFLINE", "DEVICE_INFO"].includes(event.type)) loadDevices();
        if (event.type === "CATALOG" && event.deviceId === state.deviceId) { loadDevices(); loadChannels(); }
        if (event.type === "SESSION_ENDED") { loadStreams(); loadRecordings(); }
    };
}

// ---- start

document.addEventListener("DOMContentLoaded", async () => {
    document.querySelectorAll("[data-ptz]").forEach(bindPtz);
    document.querySelectorAll("[data-preset]").forEach(b => b.addEventListener("click", () => preset(b.dataset.preset)));
    $("#ptz-speed").addEventListener("input", () => $("#ptz-speed-value").textContent = $("#ptz-speed").value);
    $("#play").addEventListener("click", play);
    $("#watch").addEventListener("click", () => watch(`channels/${state.channelId}`, state.channelId, "LIVE"));
    $("#records-search").addEventListener("click", searchRecords);
    const now = new Date();
    $("#records-end").value = localInput(now);
    $("#records-start").value = localInput(new Date(now.getTime() - 24 * 3600 * 1000));
    bindPlaybackControls();
    $("#query-catalog").addEventListener("click", () => query("catalog"));
    $("#query-info").addEventListener("click", () => query("info"));
    $("#query-status").addEventListener("click", () => query("status"));
    renderControl();
    (await api("GET", "/api/events?limit=50").catch(() => [])).forEach(showEvent);
    follow();
    await Promise.all([loadDevices(), loadStreams(), loadRecordings()]);
    setInterval(loadDevices, 5000);
    setInterval(loadStreams, 2000);
    setInterval(loadRecordings, 10000);
});
