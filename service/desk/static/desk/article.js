/* Claimdesk desk: one article, its claims highlighted, reviewed from a side panel. */
"use strict";

(() => {
  const root = document.getElementById("article");
  const articleId = root.dataset.articleId;
  const bodyBox = document.getElementById("article-body");
  const $ = (id) => document.getElementById(id);
  const state = { article: null, claims: [], sides: [], byId: new Map(), selected: null, editable: false, pending: null };

  function sideOf(claim) {
    return claim.side_id ? state.byId.get(claim.side_id) || null : null;
  }

  function sideName(claim) {
    const side = sideOf(claim);
    return side ? side.name : claim.side_id ? "Unknown side" : "Unattributed";
  }

  /** How a claim looks: its side's colour with readable text, and its review state. */
  function describe(claim) {
    const side = sideOf(claim);
    const status = claim.review ? claim.review.status : "unreviewed";
    const classes = [status, side ? "attributed" : "unattributed"].join(" ");
    const background = side ? Desk.sideColour(side) : "#ececec";
    const who = claim.speaker && claim.speaker.name ? claim.speaker.name : "unknown speaker";
    return {
      classes,
      sideId: claim.side_id || "none",
      sideName: sideName(claim),
      title: `${sideName(claim)} — ${who} (${claim.kind}, ${status})`,
      background,
      color: Desk.textOn(background),
    };
  }

  /** The claims a person can step through: those in the text, then those not found in it. */
  function claimElements() {
    return [...bodyBox.querySelectorAll("[data-claim-id]"), ...$("unplaced-list").querySelectorAll("[data-claim-id]")];
  }

  /** Claims without a span in the body (e.g. a manual claim whose words an edit removed). */
  function renderUnplaced() {
    const placed = new Set([...bodyBox.querySelectorAll("[data-claim-id]")].map((n) => n.dataset.claimId));
    const unplaced = state.claims.filter((c) => !placed.has(c.id));
    const items = unplaced.map((claim) => {
      const look = describe(claim);
      const button = Desk.el("button", {
        type: "button", class: "claim-ref", "data-claim-id": claim.id, "data-side-id": look.sideId,
        "aria-pressed": "false", title: look.title, text: `${look.sideName}: ${claim.text}`,
      });
      button.style.borderLeftColor = Desk.sideColour(sideOf(claim));
      return Desk.el("li", {}, button);
    });
    $("unplaced-list").replaceChildren(...items);
    $("unplaced").hidden = !items.length;
  }

  function render() {
    const { article } = state;
    document.title = `${article.title} · Claimdesk`;
    $("article-title").textContent = article.title;
    const meta = [article.source, Desk.date(article.published_at), `${state.claims.length} claims`];
    $("article-meta").replaceChildren(meta.filter(Boolean).join(" · "));
    if (/^https?:\/\//i.test(article.url || "")) {
      $("article-meta").append(" · ", Desk.el("a", { href: article.url, rel: "noopener noreferrer", text: "original" }));
    }
    const hadFocus = bodyBox.contains(document.activeElement) || $("unplaced-list").contains(document.activeElement);
    Marks.render(bodyBox, article.body, state.claims, describe);
    renderUnplaced();
    renderLegend();
    const keep = state.selected && state.claims.find((c) => c.id === state.selected);
    if (keep) select(keep.id, hadFocus); else showDetails(null);
  }

  function renderLegend() {
    const counts = new Map();
    for (const claim of state.claims) counts.set(claim.side_id || "none", (counts.get(claim.side_id || "none") || 0) + 1);
    const rows = [...counts].map(([id, count]) => ({ id, count, side: id === "none" ? null : state.byId.get(id) }));
    rows.sort((a, b) => b.count - a.count || (a.side ? a.side.name : "~").localeCompare(b.side ? b.side.name : "~"));
    const items = rows.map(({ id, count, side }) =>
      Desk.el("li", { "data-side-id": id }, Desk.swatch(side), `${side ? side.name : "Unattributed"}: ${count}`));
    $("side-legend").replaceChildren(...items);
  }

  async function loadChart() {
    const response = await Desk.request("GET", `/articles/${articleId}/balance.svg`, { accept: "image/svg+xml" });
    if (!response.ok) throw new Desk.ApiError(response.status, null);
    const doc = new DOMParser().parseFromString(await response.text(), "image/svg+xml");
    const svg = doc.documentElement;
    if (svg.localName !== "svg" || doc.querySelector("parsererror")) throw new Error("The chart could not be read");
    $("share-chart").replaceChildren(document.importNode(svg, true));
  }

  async function load() {
    root.dataset.busy = "true";
    try {
      await fetchAll();
    } finally {
      delete root.dataset.busy;
    }
  }

  async function fetchAll() {
    const [article, claims, sides] = await Promise.all([
      Desk.get(`/articles/${articleId}`),
      Desk.all(`/articles/${articleId}/claims?sort=span.start`),
      Desk.all("/sides?sort=name"),
    ]);
    Object.assign(state, { article, claims, sides, byId: new Map(sides.map((s) => [s.id, s])) });
    render();
    document.querySelectorAll(".side-select").forEach((s) => Desk.fillSideSelect(s, sides, s.value, s.dataset.newOption));
    await loadChart();
  }

  function showDetails(claim) {
    $("claim-empty").hidden = Boolean(claim);
    $("claim-details").hidden = !claim;
    if (!claim) return;
    const index = state.claims.indexOf(claim) + 1;
    $("claim-position").textContent = `Claim ${index} of ${state.claims.length}`;
    $("d-text").textContent = claim.text;
    $("d-side").replaceChildren(Desk.swatch(sideOf(claim)), sideName(claim));
    const speaker = claim.speaker || {};
    const name = speaker.name || "—";
    $("d-speaker").replaceChildren(speaker.id ? Desk.el("a", { href: `/desk/speakers/${speaker.id}`, text: name }) : name);
    $("d-title").textContent = speaker.title || "—";
    $("d-kind").textContent = claim.kind;
    $("d-cue").textContent = claim.cue || "—";
    $("d-confidence").textContent = typeof claim.confidence === "number" ? `${Math.round(claim.confidence * 100)}%` : "—";
    const evidence = claim.side_evidence;
    $("d-evidence").textContent = evidence ? `${evidence.via}: “${evidence.text || ""}”` : "—";
    $("d-origin").textContent = claim.origin || "—";
    const review = claim.review || { status: "unreviewed" };
    const by = review.reviewed_by ? ` by ${review.reviewed_by}` : "";
    const at = review.reviewed_at ? ` on ${Desk.date(review.reviewed_at)}` : "";
    $("d-review").textContent = `${review.status}${by}${at}${review.note ? ` — ${review.note}` : ""}`;
    $("side-select").value = claim.side_id || "none";
    $("new-side-field").hidden = true;
    $("s-name").value = speaker.name || "";
    $("s-title").value = speaker.title || "";
    $("s-type").value = speaker.type || "unknown";
  }

  function select(id, focus = true) {
    const claim = state.claims.find((c) => c.id === id);
    state.selected = claim ? id : null;
    root.querySelectorAll(".claim.selected").forEach((n) => n.classList.remove("selected"));
    root.querySelectorAll("[aria-pressed='true']").forEach((n) => n.setAttribute("aria-pressed", "false"));
    bodyBox.querySelectorAll(".evidence.shown").forEach((n) => n.classList.remove("shown"));
    if (claim) {
      bodyBox.querySelectorAll(`[data-claim-id="${id}"], [data-claim-part="${id}"]`).forEach((n) => n.classList.add("selected"));
      bodyBox.querySelectorAll(`[data-evidence-of="${id}"]`).forEach((n) => n.classList.add("shown"));
      const first = bodyBox.querySelector(`[data-claim-id="${id}"]`) || $("unplaced-list").querySelector(`[data-claim-id="${id}"]`);
      if (first) {
        first.setAttribute("aria-pressed", "true");
        if (focus) { first.focus(); first.scrollIntoView({ block: "nearest" }); }
      }
    }
    showDetails(claim || null);
  }

  function step(delta) {
    const ids = claimElements().map((n) => n.dataset.claimId);
    if (!ids.length) return;
    const at = ids.indexOf(state.selected);
    const next = at === -1 ? (delta > 0 ? 0 : ids.length - 1) : Math.min(Math.max(at + delta, 0), ids.length - 1);
    select(ids[next]);
  }

  /** Apply a change to the selected claim at the version shown, then show the result. */
  async function change(changes, done) {
    const claim = state.claims.find((c) => c.id === state.selected);
    if (!claim || !state.editable) return;
    try {
      await Desk.patchAt(`/claims/${claim.id}`, claim.version, changes);
      Desk.say(done, "ok");
    } catch (error) {
      Desk.fail(error);
    }
    await load().catch(Desk.fail);
  }

  async function changeSide(event) {
    event.preventDefault();
    let sideId = $("side-select").value;
    try {
      if (sideId === "new") {
        const name = $("new-side-name").value.trim();
        if (!name) { Desk.say("Give the new side a name.", "error"); $("new-side-name").focus(); return; }
        sideId = (await Desk.call("POST", "/sides", { body: { name } })).data.id;
      }
    } catch (error) {
      Desk.fail(error);
      return;
    }
    await change({ side_id: sideId === "none" ? null : sideId }, "Side changed.");
  }

  function saveSpeaker(event) {
    event.preventDefault();
    const text = (id) => $(id).value.trim() || null;
    change({ speaker: { name: text("s-name"), title: text("s-title"), type: $("s-type").value } }, "Speaker saved.");
  }

  function onSelectionChange() {
    if (!$("manual-claim").hidden) return;
    state.pending = state.article ? Marks.selectedSpan(bodyBox, state.article.body) : null;
    $("add-claim").disabled = !state.pending;
  }

  function openManual() {
    if (!state.pending) return;
    $("manual-text").textContent = state.pending.text;
    $("manual-claim").hidden = false;
    $("m-speaker").focus();
  }

  async function saveManual(event) {
    event.preventDefault();
    const { start, end, text } = state.pending;
    const name = $("m-speaker").value.trim();
    const sideId = $("m-side").value;
    const body = {
      article_id: articleId,
      text,
      kind: $("m-kind").value,
      span: { start, end },
      speaker: name ? { name, type: "unknown" } : null,
      side_id: sideId === "none" ? null : sideId,
    };
    try {
      const created = (await Desk.call("POST", "/claims", { body })).data;
      closeManual();
      state.selected = created.id;
      Desk.say("Claim added.", "ok");
      await load();
      select(created.id);
    } catch (error) {
      if (error.problem.existing_id) { closeManual(); select(error.problem.existing_id); }
      Desk.fail(error);
    }
  }

  function closeManual() {
    $("manual-claim").hidden = true;
    $("manual-claim").reset();
    state.pending = null;
    $("add-claim").disabled = true;
  }

  async function reextract() {
    try {
      Desk.say("Extracting claims…");
      await Desk.call("POST", `/articles/${articleId}/extract`);
      await load();
      Desk.say(`Extracted again: ${state.claims.length} claims.`, "ok");
    } catch (error) {
      Desk.fail(error);
    }
  }

  function onKey(event) {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    if (event.target.closest("input, textarea, select, dialog, [contenteditable]")) return;
    const actions = { j: () => step(1), k: () => step(-1) };
    if (state.editable) {
      actions.c = () => change({ review: { status: "confirmed" } }, "Claim confirmed.");
      actions.r = () => change({ review: { status: "rejected" } }, "Claim rejected.");
    }
    const action = actions[event.key];
    if (action) { event.preventDefault(); action(); }
  }

  function onBodyActivate(event) {
    if (event.type === "keydown" && event.key !== "Enter" && event.key !== " ") return;
    const node = event.target.closest("[data-claim-id], [data-claim-part]");
    if (!node) return;
    if (event.type === "click" && !window.getSelection().isCollapsed) return; // selecting words
    event.preventDefault();
    select(node.dataset.claimId || node.dataset.claimPart);
  }

  function wire() {
    $("unplaced-list").addEventListener("click", onBodyActivate);
    bodyBox.addEventListener("click", onBodyActivate);
    bodyBox.addEventListener("keydown", onBodyActivate);
    bodyBox.addEventListener("focusin", (event) => {
      const id = event.target.dataset && event.target.dataset.claimId;
      if (id && id !== state.selected) select(id, false);
    });
    document.addEventListener("keydown", onKey);
    document.addEventListener("selectionchange", onSelectionChange);
    $("confirm").addEventListener("click", () => change({ review: { status: "confirmed" } }, "Claim confirmed."));
    $("reject").addEventListener("click", () => change({ review: { status: "rejected" } }, "Claim rejected."));
    $("unreview").addEventListener("click", () => change({ review: { status: "unreviewed" } }, "Review cleared."));
    $("side-select").addEventListener("change", () => { $("new-side-field").hidden = $("side-select").value !== "new"; });
    $("side-form").addEventListener("submit", changeSide);
    $("speaker-form").addEventListener("submit", saveSpeaker);
    $("add-claim").addEventListener("click", openManual);
    $("manual-claim").addEventListener("submit", saveManual);
    $("manual-cancel").addEventListener("click", closeManual);
    $("reextract").addEventListener("click", reextract);
  }

  document.addEventListener("DOMContentLoaded", async () => {
    wire();
    try {
      state.editable = await Desk.canEdit();
      await load();
      root.dataset.ready = "true";
    } catch (error) {
      if (error.status === 404) $("article-title").textContent = "No such article";
      Desk.fail(error);
    }
  });
})();
