/* Claimdesk desk: the article list, with the API's filters, newest first. */
"use strict";

(() => {
  const FILTERS = ["q", "source", "side", "has_claims", "published_after", "published_before"];
  const PER_PAGE = 20;
  const form = document.getElementById("filters");
  const tbody = document.querySelector("#articles tbody");
  const params = new URLSearchParams(window.location.search);
  const page = Math.max(1, parseInt(params.get("page") || "1", 10) || 1);

  function query(extra = {}) {
    const out = new URLSearchParams();
    for (const name of FILTERS) {
      const value = (params.get(name) || "").trim();
      if (value) out.set(name, value);
    }
    for (const [name, value] of Object.entries(extra)) out.set(name, value);
    return out;
  }

  /** A bar with one segment per side, as wide as its claims, named in text beside it. */
  function sideBar(balance, byId) {
    const parts = balance.sides.map((row) => {
      const side = row.side_id ? byId.get(row.side_id) || { id: row.side_id, name: row.side_name } : null;
      return { side, claims: row.claims, name: side ? side.name || "Unknown side" : "Unattributed" };
    });
    const label = parts.map((p) => `${p.name} ${p.claims}`).join(", ");
    const bar = Desk.el("div", { class: "side-bar", role: "img", "aria-label": `Claims per side: ${label}` });
    for (const part of parts) {
      const segment = Desk.el("span", { "data-side-id": part.side ? part.side.id : "none" });
      segment.style.flexGrow = String(part.claims);
      segment.style.backgroundColor = Desk.sideColour(part.side);
      bar.append(segment);
    }
    return [bar, Desk.el("div", { class: "side-names", text: label })];
  }

  async function row(article, byId) {
    const link = Desk.el("a", { href: `/desk/articles/${article.id}`, text: article.title });
    const sides = Desk.el("td");
    if (article.claim_count > 0) {
      const balance = await Desk.get(`/articles/${article.id}/balance`);
      sides.append(...sideBar(balance, byId));
    }
    return Desk.el("tr", { "data-article-id": article.id },
      Desk.el("td", {}, link),
      Desk.el("td", { text: article.source || "" }),
      Desk.el("td", { text: Desk.date(article.published_at) }),
      Desk.el("td", { class: "num", text: String(article.claim_count) }),
      sides);
  }

  function pager(data) {
    const nav = document.getElementById("pager");
    const link = (number, text) => Desk.el("a", { href: `/desk?${query({ page: number })}`, text });
    nav.replaceChildren(
      page > 1 ? link(page - 1, "Newer") : "",
      data.pages > 1 ? `Page ${data.page} of ${data.pages}` : "",
      page < data.pages ? link(page + 1, "Older") : "",
    );
  }

  async function load() {
    const sides = await Desk.all("/sides?sort=name");
    const select = document.getElementById("f-side");
    for (const side of sides) select.append(Desk.el("option", { value: side.slug, text: side.name }));
    for (const name of FILTERS) if (form.elements[name]) form.elements[name].value = params.get(name) || "";
    const byId = new Map(sides.map((s) => [s.id, s]));
    const search = query({ sort: "-published_at,-created_at", per_page: PER_PAGE, page });
    const data = await Desk.get(`/articles?${search}`);
    tbody.replaceChildren(...(await Promise.all(data.items.map((a) => row(a, byId)))));
    const noun = data.total === 1 ? "article" : "articles";
    document.getElementById("list-summary").textContent = `${data.total} ${noun}, newest first`;
    pager(data);
  }

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const chosen = new URLSearchParams();
    for (const name of FILTERS) {
      const value = (form.elements[name].value || "").trim();
      if (value) chosen.set(name, value);
    }
    window.location.search = chosen.toString();
  });

  document.addEventListener("DOMContentLoaded", async () => {
    try {
      await Desk.canEdit();
      await load();
      document.getElementById("articles").dataset.ready = "true";
    } catch (error) {
      Desk.fail(error);
    }
  });
})();
