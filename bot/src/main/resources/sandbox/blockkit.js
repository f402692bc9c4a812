// Renders Slack mrkdwn and Block Kit into DOM nodes; text is always escaped before formatting.
(function () {
  "use strict";
  const EMOJI = {
    red_circle: "🔴", large_green_circle: "🟢", large_yellow_circle: "🟡", large_orange_circle: "🟠",
    white_circle: "⚪", large_blue_circle: "🔵", warning: "⚠️", white_check_mark: "✅", x: "❌",
    hourglass_flowing_sand: "⏳", hourglass: "⌛", rocket: "🚀", fire: "🔥", tada: "🎉", eyes: "👀",
    thumbsup: "👍", "+1": "👍", thumbsdown: "👎", rotating_light: "🚨", bell: "🔔", no_bell: "🔕",
    mag: "🔍", wrench: "🔧", gear: "⚙️", chart_with_upwards_trend: "📈", memo: "📝", lock: "🔒",
    heavy_check_mark: "✔️", information_source: "ℹ️", arrows_counterclockwise: "🔄", bulb: "💡",
    ship: "🚢", package: "📦", skull: "💀", zap: "⚡", repeat: "🔁", stopwatch: "⏱️", link: "🔗",
    robot_face: "🤖", wave: "👋", sparkles: "✨", boom: "💥", no_entry: "⛔", construction: "🚧"
  };
  const USERS = { U0JAMIE: "Jamie", U0ADA: "Ada", U0BOB: "Bob", U0CAT: "Cat" };

  function escapeHtml(s) {
    return String(s).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
  }

  function emoji(s) {
    return s.replace(/:([a-z0-9_+\-]+):/g, (m, name) => EMOJI[name] || m);
  }

  function inline(s) {
    // s is escaped HTML without code spans
    s = s.replace(/&lt;(https?:\/\/[^|&\s]+)\|([^&]+?)&gt;/g, (m, url, label) => `<a href="${url}" target="_blank" rel="noopener">${label}</a>`);
    s = s.replace(/&lt;(https?:\/\/[^&\s]+)&gt;/g, (m, url) => `<a href="${url}" target="_blank" rel="noopener">${url}</a>`);
    s = s.replace(/&lt;@([A-Z0-9]+)(?:\|[^&]*)?&gt;/g, (m, id) => `<span class="mention">@${USERS[id] || id}</span>`);
    s = s.replace(/&lt;#([A-Z0-9]+)(?:\|([^&]*))?&gt;/g, (m, id, name) => `<span class="mention">#${name || id}</span>`);
    s = s.replace(/&lt;!(here|channel|everyone)&gt;/g, "<span class=\"mention\">@$1</span>");
    s = s.replace(/(^|[\s(])\*([^*\n]+)\*(?=$|[\s).,!?:;])/g, "$1<b>$2</b>");
    s = s.replace(/(^|[\s(])_([^_\n]+)_(?=$|[\s).,!?:;])/g, "$1<i>$2</i>");
    s = s.replace(/(^|[\s(])~([^~\n]+)~(?=$|[\s).,!?:;])/g, "$1<s>$2</s>");
    return emoji(s).replace(/\n/g, "<br>");
  }

  /** Slack mrkdwn to safe HTML. */
  function mrkdwn(text) {
    const parts = String(text || "").split("```");
    return parts.map((part, i) => {
      if (i % 2 === 1) {
        return `<pre>${escapeHtml(part.replace(/^\n/, ""))}</pre>`;
      }
      return escapeHtml(part).split("`").map((p, j) => j % 2 === 1 ? `<code>${p}</code>` : inline(p)).join("");
    }).join("");
  }

  function textObject(t) {
    if (!t) return "";
    return t.type === "mrkdwn" ? mrkdwn(t.text) : emoji(escapeHtml(t.text || "")).replace(/\n/g, "<br>");
  }

  function el(tag, cls, html) {
    const e = document.createElement(tag);
    if (cls) e.className = cls;
    if (html !== undefined) e.innerHTML = html;
    return e;
  }

  function button(b, blockId, onAction) {
    const btn = el("button", "bk-button" + (b.style ? " " + b.style : ""), textObject(b.text));
    btn.type = "button";
    btn.dataset.actionId = b.action_id || "";
    btn.dataset.blockId = blockId || "";
    if (b.value !== undefined) btn.dataset.value = b.value;
    if (b.url) {
      btn.addEventListener("click", () => window.open(b.url, "_blank", "noopener"));
    }
    btn.addEventListener("click", () => onAction && onAction(b));
    return btn;
  }

  function element(e, blockId, onAction) {
    if (!e) return null;
    if (e.type === "button") return button(e, blockId, onAction);
    if (e.type === "image") {
      const img = el("img");
      img.src = e.image_url; img.alt = e.alt_text || "";
      return img;
    }
    return el("span", "bk-unknown", `[${escapeHtml(e.type || "element")}]`);
  }

  function input(block, errors) {
    const wrap = el("label", "bk-input");
    wrap.dataset.blockId = block.block_id || "";
    wrap.appendChild(el("span", "label", textObject(block.label)));
    const e = block.element || {};
    let field;
    if (e.type === "static_select" || e.type === "radio_buttons") {
      field = el("select");
      field.appendChild(el("option", "", ""));
      (e.options || []).forEach(o => {
        const opt = el("option", "", textObject(o.text));
        opt.value = o.value;
        field.appendChild(opt);
      });
    } else if (e.multiline) {
      field = el("textarea");
      field.rows = 3;
    } else {
      field = el("input");
      field.type = e.type === "number_input" ? "number" : "text";
      if (e.placeholder) field.placeholder = e.placeholder.text || "";
    }
    if (e.initial_value) field.value = e.initial_value;
    field.className = "bk-input-field";
    field.dataset.actionId = e.action_id || "";
    field.dataset.blockId = block.block_id || "";
    wrap.appendChild(field);
    if (errors && errors[block.block_id]) {
      wrap.appendChild(el("span", "error", escapeHtml(errors[block.block_id])));
    }
    return wrap;
  }

  function block(b, onAction, errors) {
    switch (b.type) {
      case "header": return el("div", "bk-header", textObject(b.text));
      case "divider": return el("hr", "bk-divider");
      case "section": {
        const s = el("div", "bk-section");
        const body = el("div", "bk-text");
        if (b.text) body.appendChild(el("div", "", textObject(b.text)));
        if (b.fields) {
          const f = el("div", "bk-fields");
          b.fields.forEach(x => f.appendChild(el("div", "bk-field", textObject(x))));
          body.appendChild(f);
        }
        s.appendChild(body);
        const acc = element(b.accessory, b.block_id, onAction);
        if (acc) s.appendChild(acc);
        return s;
      }
      case "actions": {
        const a = el("div", "bk-actions");
        (b.elements || []).forEach(e => a.appendChild(element(e, b.block_id, onAction)));
        return a;
      }
      case "context": {
        const c = el("div", "bk-context");
        (b.elements || []).forEach(e => {
          if (e.type === "image") c.appendChild(element(e));
          else c.appendChild(el("span", "", textObject(e)));
        });
        return c;
      }
      case "image": {
        const i = el("div", "bk-image");
        if (b.title) i.appendChild(el("div", "", textObject(b.title)));
        const img = el("img");
        img.src = b.image_url; img.alt = b.alt_text || "";
        i.appendChild(img);
        return i;
      }
      case "input": return input(b, errors);
      case "rich_text": {
        const r = el("div", "bk-rich-text");
        (b.elements || []).forEach(e => {
          const text = (e.elements || []).map(x => x.text || "").join("");
          r.appendChild(e.type === "rich_text_preformatted" ? el("pre", "", escapeHtml(text)) : el("div", "", mrkdwn(text)));
        });
        return r;
      }
      default: return el("div", "bk-unknown", `[unsupported block: ${escapeHtml(b.type)}]`);
    }
  }

  /** Renders blocks into a container; onAction(button) is called on button clicks. */
  function render(blocks, onAction, errors) {
    const root = el("div", "blocks");
    (blocks || []).forEach(b => {
      const node = block(b, onAction, errors);
      node.dataset.blockId = b.block_id || "";
      node.classList.add("block");
      root.appendChild(node);
    });
    return root;
  }

  window.BlockKit = { render, mrkdwn, escapeHtml, emoji, USERS };
})();
