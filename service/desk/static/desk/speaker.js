/* Claimdesk desk: one speaker's claims across articles, newest first (the speakers API). */
"use strict";

(() => {
  const root = document.getElementById("speaker");
  const speakerId = root.dataset.speakerId;
  const $ = (id) => document.getElementById(id);

  /** Whether the API has a speaker registry at all (a 404 on the collection: not yet). */
  async function registryExists() {
    const response = await Desk.request("GET", "/speakers?per_page=1");
    return response.status !== 404;
  }

  function claimItem(claim, titles, byId) {
    const side = claim.side_id ? byId.get(claim.side_id) : null;
    const article = Desk.el("a", { href: `/desk/articles/${claim.article_id}`, text: titles.get(claim.article_id) || "the article" });
    return Desk.el("li", { "data-claim-id": claim.id },
      Desk.el("blockquote", { text: claim.text }),
      Desk.el("p", { class: "hint" }, Desk.swatch(side), side ? side.name : "Unattributed",
        ` · ${claim.kind} · ${claim.review ? claim.review.status : "unreviewed"} · `,
        Desk.date(claim.published_at), " · in ", article));
  }

  async function load() {
    if (!(await registryExists())) {
      $("speaker-name").textContent = "Speaker registry not available";
      $("speaker-facts").textContent = "This service has no speaker registry yet (GET /api/v1/speakers answers 404), so claims cannot be followed by speaker here.";
      $("speaker-claims-title").parentElement.hidden = true;
      return;
    }
    const response = await Desk.request("GET", `/speakers/${speakerId}`);
    if (response.status === 404) {
      $("speaker-name").textContent = "No such speaker";
      $("speaker-claims-title").parentElement.hidden = true;
      return;
    }
    if (!response.ok) throw new Desk.ApiError(response.status, await response.json().catch(() => null));
    const speaker = await response.json();
    document.title = `${speaker.name} · Claimdesk`;
    $("speaker-name").textContent = speaker.name;
    const facts = [speaker.type, (speaker.titles || [])[0], `${speaker.claim_count ?? "?"} claims`];
    if (speaker.aliases && speaker.aliases.length) facts.push(`also: ${speaker.aliases.join(", ")}`);
    $("speaker-facts").textContent = facts.filter(Boolean).join(" · ");
    const [page, sides] = await Promise.all([Desk.get(`/speakers/${speakerId}/claims?per_page=50`), Desk.all("/sides?sort=name")]);
    const ids = [...new Set(page.items.map((c) => c.article_id))];
    const articles = await Promise.all(ids.map((id) => Desk.get(`/articles/${id}`).catch(() => null)));
    const titles = new Map(articles.filter(Boolean).map((a) => [a.id, a.title]));
    const byId = new Map(sides.map((s) => [s.id, s]));
    $("speaker-claims").replaceChildren(...page.items.map((c) => claimItem(c, titles, byId)));
    if (!page.items.length) $("speaker-claims").append(Desk.el("li", { text: "No claims." }));
  }

  document.addEventListener("DOMContentLoaded", async () => {
    try {
      await load();
      root.dataset.ready = "true";
    } catch (error) {
      Desk.fail(error);
    }
  });
})();
