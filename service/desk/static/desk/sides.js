/* Claimdesk desk: the side registry: names, aliases and colours. */
"use strict";

(() => {
  const list = document.getElementById("side-list");
  let editable = false;

  function aliasesFrom(text) {
    return text.split(/[\n,]/).map((a) => a.trim()).filter(Boolean);
  }

  function field(id, label, control) {
    control.id = id;
    return Desk.el("div", { class: "field" }, Desk.el("label", { for: id, text: label }), control);
  }

  function readOnlyCard(side, heading) {
    return Desk.el("article", { class: "side-card", "data-side-id": side.id }, heading,
      Desk.el("p", { text: side.aliases.length ? `Aliases: ${side.aliases.join(", ")}` : "No aliases" }),
      Desk.el("p", { class: "hint", text: `${side.claim_count} claims · ${side.origin} · colour ${Desk.sideColour(side)}` }));
  }

  function card(side) {
    const heading = Desk.el("h2", {}, Desk.swatch(side), side.name);
    if (!editable) return readOnlyCard(side, heading);
    const key = side.id;
    const name = Desk.el("input", { type: "text", name: "name", value: side.name, maxlength: "120", required: true });
    const aliases = Desk.el("textarea", { name: "aliases", rows: "3" });
    aliases.value = side.aliases.join("\n");
    const colour = Desk.el("input", { type: "color", name: "color", value: Desk.sideColour(side) });
    const form = Desk.el("form", { class: "stacked", "aria-label": `Edit ${side.name}` },
      field(`name-${key}`, "Name", name),
      field(`aliases-${key}`, "Aliases, one a line", aliases),
      field(`color-${key}`, "Colour", colour),
      Desk.el("p", { class: "hint", text: `${side.claim_count} claims · ${side.origin}` }),
      Desk.el("p", { class: "buttons" }, Desk.el("button", { type: "submit", class: "primary", text: "Save" })));
    form.addEventListener("submit", async (event) => {
      event.preventDefault();
      const changes = { name: name.value.trim(), aliases: aliasesFrom(aliases.value) };
      // A side shown in its fallback colour keeps having none unless the editor picks one.
      if (side.color || colour.value !== Desk.sideColour(side)) changes.color = colour.value;
      try {
        await Desk.patchAt(`/sides/${side.id}`, side.version, changes);
        Desk.say(`Saved ${changes.name}.`, "ok");
      } catch (error) {
        Desk.fail(error);
      }
      await load().catch(Desk.fail);
    });
    return Desk.el("article", { class: "side-card", "data-side-id": side.id }, heading, form);
  }

  async function load() {
    list.dataset.busy = "true";
    try {
      const sides = await Desk.all("/sides?sort=name");
      list.replaceChildren(...sides.map(card));
      if (!sides.length) list.append(Desk.el("p", { text: "No sides yet." }));
    } finally {
      delete list.dataset.busy;
    }
  }

  document.getElementById("new-side").addEventListener("submit", async (event) => {
    event.preventDefault();
    const form = event.target;
    const body = { name: form.elements.name.value.trim(), aliases: aliasesFrom(form.elements.aliases.value), color: form.elements.color.value };
    try {
      await Desk.call("POST", "/sides", { body });
      form.reset();
      Desk.say(`Added ${body.name}.`, "ok");
      await load();
    } catch (error) {
      Desk.fail(error);
    }
  });

  document.addEventListener("DOMContentLoaded", async () => {
    try {
      editable = await Desk.canEdit();
      await load();
      list.dataset.ready = "true";
    } catch (error) {
      Desk.fail(error);
    }
  });
})();
