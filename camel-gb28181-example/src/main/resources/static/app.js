// The platform's web page: plain DOM and fetch against the REST API, the live event log over server-sent events.
// Everything a device sends is shown with textContent, never as HTML.
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
        toast(`Stream ${stream.streamId} is being written to ${stream.file || "its file"}`);
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
            s.file || ""].forEach((text, i) => {
            if (cells[i].textContent !== String(text)) cells[i].textContent = text;
        });
        cells[8].title = s.file || "";
        const pause = row.querySelector("button.pause");
        if (pause) pause.textContent = s.state === "PAUSED" ? "Resume" : "Pause";
        row.dataset.state = s.state;
    }
    rows.forEach(row => row.remove());
}

function streamRow(s) {
    const row = el("tr", {data: {streamId: s.streamId}},
        el("td", {class: "mono"}), el("td", {class: "mono"}), el("td"), el("td"), el("td"), el("td"), el("td"),
        el("td"), el("td", {class: "file"}));
    row.append(el("td", {},
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
        if (event.type === "SESSION_ENDED") loadStreams();
    };
}

// ---- start

document.addEventListener("DOMContentLoaded", async () => {
    document.querySelectorAll("[data-ptz]").forEach(bindPtz);
    document.querySelectorAll("[data-preset]").forEach(b => b.addEventListener("click", () => preset(b.dataset.preset)));
    $("#ptz-speed").addEventListener("input", () => $("#ptz-speed-value").textContent = $("#ptz-speed").value);
    $("#play").addEventListener("click", play);
    $("#query-catalog").addEventListener("click", () => query("catalog"));
    $("#query-info").addEventListener("click", () => query("info"));
    $("#query-status").addEventListener("click", () => query("status"));
    renderControl();
    (await api("GET", "/api/events?limit=50").catch(() => [])).forEach(showEvent);
    follow();
    await Promise.all([loadDevices(), loadStreams()]);
    setInterval(loadDevices, 5000);
    setInterval(loadStreams, 2000);
});
