/* Claimdesk desk: the shared client of the public API (key, role, requests, colours, DOM). */
"use strict";

const Desk = (() => {
  const API = "/api/v1";
  const KEY = "claimdesk.apiKey"; // sessionStorage only: the key lives as long as the tab
  // Side colours when a side has none; service/desk/colours.py picks the same way.
  const PALETTE = ["#1b6ca8", "#b5452b", "#2e7d32", "#7b3fa0", "#a86a00", "#00796b", "#ad1457", "#5d4037"];
  const NEUTRAL = "#767676";
  let keyPrompt = null;
  let rolePromise = null;

  class ApiError extends Error {
    constructor(status, problem) {
      const detail = (problem && (problem.detail || problem.title)) || `HTTP ${status}`;
      const fields = problem && problem.errors ? Object.entries(problem.errors) : [];
      const extra = fields.map(([name, messages]) => `${name}: ${[].concat(messages).join(" ")}`);
      super([detail, ...extra].join(" — "));
      this.status = status;
      this.problem = problem || {};
    }
  }

  /** An element with attributes and children (strings become text nodes, never markup). */
  function el(tag, attrs = {}, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attrs)) {
      if (value === null || value === undefined || value === false) continue;
      if (name === "text") node.textContent = value;
      else if (name === "class") node.className = value;
      else if (name === "on") Object.entries(value).forEach(([ev, fn]) => node.addEventListener(ev, fn));
      else node.setAttribute(name, value === true ? "" : String(value));
    }
    for (const child of children.flat()) {
      if (child === null || child === undefined || child === false) continue;
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return node;
  }

  function say(message, kind = "info") {
    const box = document.getElementById("status");
    box.className = `status ${kind}`;
    box.textContent = message;
  }

  function fail(error) {
    say(error instanceof Error ? error.message : String(error), "error");
  }

  function askForKey(note) {
    if (keyPrompt) return keyPrompt;
    const dialog = document.getElementById("key-dialog");
    const form = document.getElementById("key-form");
    const input = document.getElementById("key-input");
    if (note) document.getElementById("key-dialog-note").textContent = note;
    keyPrompt = new Promise((resolve) => {
      form.addEventListener("submit", function onSubmit(event) {
        event.preventDefault();
        const key = input.value.trim();
        if (!key) return;
        sessionStorage.setItem(KEY, key);
        input.value = "";
        form.removeEventListener("submit", onSubmit);
        dialog.close();
        keyPrompt = null;
        showSession();
        resolve();
      });
      // Escape would leave the page without data; keep asking.
      dialog.addEventListener("cancel", (event) => event.preventDefault());
    });
    dialog.showModal();
    input.focus();
    return keyPrompt;
  }

  /** A fetch of the API with the tab's key; a 401 asks for a key and tries again. */
  /** ``raw`` is sent as is (a File or string) with the Content-Type given in ``headers``. */
  async function request(method, path, { body, raw, headers = {}, accept = "application/json" } = {}) {
    for (;;) {
      const key = sessionStorage.getItem(KEY);
      const sent = { Accept: accept, ...headers };
      if (key) sent.Authorization = `Bearer ${key}`;
      if (body !== undefined) sent["Content-Type"] = "application/json";
      const response = await fetch(API + path, {
        method,
        headers: sent,
        body: raw !== undefined ? raw : body === undefined ? undefined : JSON.stringify(body),
        cache: "no-store",
        credentials: "omit",
      });
      if (response.status !== 401) return response;
      if (key) sessionStorage.removeItem(KEY);
      await askForKey(key ? "That key was not accepted; try another." : null);
    }
  }

  /** JSON of an API call; an ApiError for any problem. Returns {data, response}. */
  async function call(method, path, options = {}) {
    const response = await request(method, path, options);
    let data = null;
    if (response.status !== 204) data = await response.json().catch(() => null);
    if (!response.ok) throw new ApiError(response.status, data);
    return { data, response };
  }

  async function get(path) {
    return (await call("GET", path)).data;
  }

  /** Every item of a list endpoint, following its pages. */
  async function all(path) {
    const items = [];
    const join = path.includes("?") ? "&" : "?";
    for (let page = 1; ; page += 1) {
      const data = await get(`${path}${join}per_page=100&page=${page}`);
      items.push(...data.items);
      if (page >= data.pages) return items;
    }
  }

  /** PATCH at the version the editor saw: a newer version on the server is a conflict. */
  async function patchAt(path, version, changes) {
    const { data, response } = await call("GET", path);
    if (data.version !== version) {
      throw new ApiError(412, { detail: "Someone changed this since you loaded it; the page now shows the latest." });
    }
    const etag = response.headers.get("ETag");
    return (await call("PATCH", path, { body: changes, headers: etag ? { "If-Match": etag } : {} })).data;
  }

  /** Whether this tab may edit: the API lets a write through to validation (422) or says 403. */
  function canEdit() {
    if (!rolePromise) {
      rolePromise = request("POST", "/extract", { body: {} }).then((response) => response.status !== 403);
      rolePromise.then(showSession);
    }
    return rolePromise;
  }

  async function showSession(editable) {
    const key = sessionStorage.getItem(KEY);
    const forget = document.getElementById("forget-key");
    forget.hidden = !key;
    if (editable === undefined) return;
    document.getElementById("role-note").textContent = editable ? "" : "Read only";
    document.querySelectorAll(".edit-only").forEach((node) => { node.hidden = !editable; });
  }

  function sideColour(side) {
    if (!side) return NEUTRAL;
    if (side.color) return side.color.toLowerCase();
    return PALETTE[parseInt(side.id.slice(-6), 16) % PALETTE.length];
  }

  function channel(value) {
    const c = value / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }

  function luminance(hex) {
    const [r, g, b] = [1, 3, 5].map((i) => channel(parseInt(hex.slice(i, i + 2), 16)));
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  }

  /** Black or white text, whichever contrasts more with the background (WCAG 2). */
  function textOn(hex) {
    const l = luminance(hex);
    return (l + 0.05) / 0.05 >= 1.05 / (l + 0.05) ? "#000000" : "#ffffff";
  }

  function swatch(side) {
    const node = el("span", { class: "swatch", "aria-hidden": "true" });
    node.style.backgroundColor = sideColour(side);
    return node;
  }

  function date(value) {
    return value ? value.slice(0, 10) : "";
  }

  /** Options of a side <select>: unattributed, the registry, optionally "new side…". */
  function fillSideSelect(select, sides, selected, withNew) {
    select.replaceChildren(el("option", { value: "none", text: "Unattributed" }));
    for (const side of sides) select.append(el("option", { value: side.id, text: side.name }));
    if (withNew) select.append(el("option", { value: "new", text: "New side…" }));
    select.value = selected || "none";
  }

  document.addEventListener("DOMContentLoaded", () => {
    showSession();
    document.getElementById("forget-key").addEventListener("click", () => {
      sessionStorage.removeItem(KEY);
      window.location.reload();
    });
  });

  return { ApiError, el, say, fail, request, call, get, all, patchAt, canEdit, sideColour, textOn, swatch, date, fillSideSelect };
})();
