// The sandbox console: a Slack-like workspace over /sandbox/api, polled every 400 ms.
(function () {
  "use strict";
  const $ = (sel) => document.querySelector(sel);
  const COLORS = { U0ADA: "#e8912d", U0BOB: "#2eb67d", U0CAT: "#36c5f0", U0JAMIE: "#4a154b" };
  const state = {
    user: localStorage.getItem("sandbox.user") || "U0ADA",
    channel: "C0SHOP",
    channels: [],
    users: [],
    messages: new Map(),
    latest: null,
    thread: null,
    modalHash: null,
    homeHash: null,
  };

  async function api(method, path, body) {
    const res = await fetch(path, {
      method,
      headers: body ? { "Content-Type": "application/json" } : {},
      body: body ? JSON.stringify(body) : undefined,
    });
    return res.json();
  }

  function userName(id) {
    const u = state.users.find((x) => x.id === id);
    return u ? u.real_name : (BlockKit.USERS[id] || id || "unknown");
  }

  function time(ts) {
    const d = new Date(parseFloat(ts) * 1000);
    return d.toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });
  }

  function visible(m) {
    return !m.ephemeral || m.visible_to === state.user;
  }

  function onAction(message) {
    return (button) => api("POST", "/sandbox/api/actions", {
      channel: state.channel,
      user: state.user,
      message_ts: message ? message.ts : undefined,
      action_id: button.action_id,
      value: button.value,
    }).then((r) => { if (!r.ok) console.warn("click failed", r); });
  }

  function renderMessage(m, inThread) {
    const row = document.createElement("div");
    row.className = "message";
    row.dataset.ts = m.ts;
    row.dataset.user = m.user || "";
    if (m.thread_ts) row.dataset.threadTs = m.thread_ts;
    if (m.bot_id) { row.dataset.botId = m.bot_id; row.classList.add("bot"); }
    if (m.ephemeral) { row.classList.add("ephemeral"); row.dataset.ephemeral = "true"; }
    if (m.subtype === "slash_command") row.classList.add("slash-command");
    if (m.deleted) row.classList.add("deleted");
    const author = m.user || m.bot_id;
    const avatar = document.createElement("div");
    avatar.className = "avatar";
    avatar.style.background = COLORS[author] || "#616061";
    avatar.textContent = userName(author).charAt(0).toUpperCase();
    row.appendChild(avatar);
    const body = document.createElement("div");
    body.className = "body";
    const meta = document.createElement("div");
    meta.className = "meta";
    meta.innerHTML = `<span class="name">${BlockKit.escapeHtml(userName(author))}</span>` +
      (m.bot_id ? `<span class="app-badge">APP</span>` : "") +
      `<span class="time">${time(m.ts)}</span>` + (m.edited ? ` <span class="edited">(edited)</span>` : "");
    body.appendChild(meta);
    if (m.deleted) {
      body.appendChild(Object.assign(document.createElement("div"), { className: "text", textContent: "This message was deleted." }));
    } else if (m.blocks && m.blocks.length) {
      body.appendChild(BlockKit.render(m.blocks, onAction(m)));
    } else if (m.text) {
      const t = document.createElement("div");
      t.className = "text";
      t.innerHTML = BlockKit.mrkdwn(m.text);
      body.appendChild(t);
    }
    (m.files || []).forEach((f) => {
      const card = document.createElement("div");
      card.className = "file-card";
      card.dataset.fileId = f.id;
      card.innerHTML = `<span class="icon">📄</span><div><a class="file-link" href="${BlockKit.escapeHtml(f.url_private)}" target="_blank">${BlockKit.escapeHtml(f.title || f.name)}</a>` +
        `<div class="muted">${BlockKit.escapeHtml(f.pretty_type || "")} · ${f.size} bytes · <a class="file-download" href="${BlockKit.escapeHtml(f.url_private_download)}">download</a></div></div>`;
      body.appendChild(card);
    });
    if (m.reactions && m.reactions.length) {
      const r = document.createElement("div");
      r.className = "reactions";
      m.reactions.forEach((x) => {
        const s = document.createElement("span");
        s.className = "reaction";
        s.textContent = `${BlockKit.emoji(":" + x.name + ":")} ${x.count}`;
        r.appendChild(s);
      });
      body.appendChild(r);
    }
    if (m.ephemeral) {
      body.appendChild(Object.assign(document.createElement("div"), { className: "ephemeral-note", textContent: "Only visible to you" }));
    }
    if (!inThread && m.reply_count) {
      const link = document.createElement("button");
      link.type = "button";
      link.className = "replies-link";
      link.dataset.threadTs = m.ts;
      link.textContent = `${m.reply_count} ${m.reply_count === 1 ? "reply" : "replies"}`;
      link.addEventListener("click", () => openThread(m.ts));
      body.appendChild(link);
    }
    row.appendChild(body);
    return row;
  }

  function isTopLevel(m) {
    return !m.thread_ts || m.thread_ts === m.ts || m.reply_broadcast;
  }

  function renderMessages() {
    const list = $("#messages");
    const atBottom = list.scrollHeight - list.scrollTop - list.clientHeight < 40;
    const all = [...state.messages.values()].filter(visible).sort((a, b) => parseFloat(a.ts) - parseFloat(b.ts));
    list.replaceChildren(...all.filter(isTopLevel).map((m) => renderMessage(m, false)));
    if (atBottom) list.scrollTop = list.scrollHeight;
    if (state.thread) {
      const pane = $("#thread-messages");
      const inThread = all.filter((m) => m.ts === state.thread || m.thread_ts === state.thread);
      pane.replaceChildren(...inThread.map((m) => renderMessage(m, true)));
    }
  }

  function openThread(ts) {
    state.thread = ts;
    $("#thread-pane").hidden = false;
    $("#thread-pane").dataset.threadTs = ts;
    renderMessages();
    $("#thread-composer").focus();
  }

  function closeThread() {
    state.thread = null;
    $("#thread-pane").hidden = true;
  }

  function selectChannel(id) {
    state.channel = id;
    state.messages = new Map();
    state.latest = null;
    state.homeHash = null;
    closeThread();
    document.querySelectorAll(".channel-link").forEach((a) => a.classList.toggle("active", a.dataset.channel === id));
    const home = id === "home";
    $("#messages").hidden = home;
    $("#composer-form").hidden = home;
    $("#home-view").hidden = !home;
    const c = state.channels.find((x) => x.id === id);
    $("#channel-title").textContent = home ? "Jamie — Home" : c ? (c.is_im ? "Jamie" : "# " + c.name) : id;
    $("#composer").placeholder = c ? `Message ${c.is_im ? "Jamie" : "#" + c.name} — try /jamie pods -n shop or @jamie why is checkout crashing?` : "";
    document.body.dataset.channel = id;
    if (home) {
      api("POST", "/sandbox/api/home", { user: state.user });
    }
    poll();
  }

  async function send(text, threadTs) {
    if (!text.trim()) return;
    const r = await api("POST", "/sandbox/api/messages", { channel: state.channel, user: state.user, text, thread_ts: threadTs || undefined });
    if (!r.ok) alert(`${r.error}: ${r.hint || ""}`);
    poll();
  }

  function wireComposer(textarea, form, threadTs) {
    const submit = () => { const t = textarea.value; textarea.value = ""; send(t, threadTs()); };
    textarea.addEventListener("keydown", (e) => {
      if (e.key === "Enter" && !e.shiftKey) { e.preventDefault(); submit(); }
    });
    form.addEventListener("submit", (e) => { e.preventDefault(); submit(); });
  }

  async function pollMessages() {
    if (state.channel === "home") return;
    const channel = state.channel;
    const q = `/sandbox/api/messages?channel=${encodeURIComponent(channel)}` + (state.latest ? `&since=${state.latest}` : "");
    const r = await api("GET", q);
    if (!r.ok || channel !== state.channel) return;
    if (r.messages.length) {
      r.messages.forEach((m) => state.messages.set(m.ts, m));
      state.latest = r.latest;
      renderMessages();
    }
  }

  async function pollHome() {
    if (state.channel !== "home") return;
    const r = await api("GET", `/sandbox/api/home?user=${state.user}`);
    const view = r.view;
    const hash = view ? view.hash : "none";
    if (hash === state.homeHash) return;
    state.homeHash = hash;
    const pane = $("#home-view");
    if (!view) {
      pane.innerHTML = `<p class="muted">Jamie has not published a Home tab for you yet.</p>`;
      return;
    }
    pane.replaceChildren(BlockKit.render(view.blocks, (b) => api("POST", "/sandbox/api/actions", { channel: "home", user: state.user, action_id: b.action_id, value: b.value })));
    pane.dataset.viewId = view.id;
  }

  async function pollModal() {
    const r = await api("GET", `/sandbox/api/views?user=${state.user}`);
    const view = r.view;
    const overlay = $("#modal-overlay");
    const hash = view ? view.hash + JSON.stringify(view.errors || {}) : null;
    if (hash === state.modalHash) return;
    state.modalHash = hash;
    if (!view) { overlay.hidden = true; return; }
    overlay.hidden = false;
    overlay.dataset.viewId = view.id;
    overlay.dataset.callbackId = view.callback_id || "";
    $("#modal-title").textContent = view.title ? view.title.text : "";
    $("#modal-submit").textContent = view.submit ? view.submit.text : "Submit";
    $("#modal-submit").hidden = !view.submit;
    $("#modal-cancel").textContent = view.close ? view.close.text : "Cancel";
    $("#modal-blocks").replaceChildren(BlockKit.render(view.blocks, (b) => api("POST", "/sandbox/api/actions", { channel: "home", user: state.user, action_id: b.action_id, value: b.value }), view.errors));
  }

  async function pollState() {
    const r = await api("GET", "/sandbox/api/state");
    if (!r.ok) return;
    const status = $("#bot-status");
    status.dataset.connected = String(r.bot.connected);
    status.dataset.sockets = r.bot.connected_sockets;
    status.textContent = r.bot.delivery === "HTTP" ? "Jamie: HTTP delivery" : `Jamie: ${r.bot.connected_sockets} socket(s)`;
  }

  let polling = false;
  async function poll() {
    if (polling) return;
    polling = true;
    try {
      await Promise.all([pollMessages(), pollHome(), pollModal()]);
    } catch (e) {
      console.warn("poll failed", e);
    } finally {
      polling = false;
    }
  }

  async function init() {
    const s = await api("GET", "/sandbox/api/state");
    state.channels = s.channels;
    state.users = s.users;
    const switcher = $("#user-switcher");
    s.users.filter((u) => !u.is_bot).forEach((u) => {
      const o = document.createElement("option");
      o.value = u.id;
      o.textContent = `${u.real_name} (${u.role})`;
      switcher.appendChild(o);
    });
    switcher.value = state.user;
    switcher.addEventListener("change", () => {
      state.user = switcher.value;
      localStorage.setItem("sandbox.user", state.user);
      state.modalHash = null;
      selectChannel(state.channel);
    });
    const link = (c) => {
      const a = document.createElement("a");
      a.href = "#";
      a.className = "channel-link";
      a.dataset.channel = c.id;
      a.textContent = c.is_im ? "🤖 Jamie" : "# " + c.name;
      a.addEventListener("click", (e) => { e.preventDefault(); selectChannel(c.id); });
      return a;
    };
    $("#channel-list").replaceChildren(...s.channels.filter((c) => !c.is_im).map(link));
    $("#dm-list").replaceChildren(...s.channels.filter((c) => c.is_im).map(link));
    $("#home-link").addEventListener("click", (e) => { e.preventDefault(); selectChannel("home"); });
    $("#thread-close").addEventListener("click", closeThread);
    const demoAlert = (status) => api("POST", "/sandbox/api/demo/alert", { status }).then((r) => {
      if (!r.ok) { alert(`${r.error || "hook_status " + r.hook_status}: ${r.hint || ""}`); return; }
      if (state.channels.some((c) => c.id === "C0ALERTS")) selectChannel("C0ALERTS");
    });
    $("#fire-demo-alert").addEventListener("click", () => demoAlert("firing"));
    $("#resolve-demo-alert").addEventListener("click", () => demoAlert("resolved"));
    wireComposer($("#composer"), $("#composer-form"), () => null);
    wireComposer($("#thread-composer"), $("#thread-form"), () => state.thread);
    $("#modal-cancel").addEventListener("click", () => api("POST", "/sandbox/api/views/close", { user: state.user }).then(poll));
    $("#modal-submit").addEventListener("click", () => {
      const values = {};
      document.querySelectorAll("#modal-blocks .bk-input-field").forEach((f) => { values[f.dataset.actionId || f.dataset.blockId] = f.value; });
      api("POST", "/sandbox/api/views/submit", { user: state.user, values }).then(poll);
    });
    const hash = location.hash.replace("#", "");
    selectChannel(state.channels.some((c) => c.id === hash) || hash === "home" ? hash : "C0SHOP");
    setInterval(poll, 400);
    setInterval(pollState, 2000);
    pollState();
    document.body.dataset.ready = "true";
  }

  init();
})();
