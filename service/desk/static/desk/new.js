/* Claimdesk desk: paste a new article; the API extracts its claims. */
"use strict";

(() => {
  const form = document.getElementById("new-article");
  const FIELDS = ["title", "source", "url", "published_at", "body"];

  function showErrors(errors) {
    for (const name of FIELDS) {
      const box = document.getElementById(`a-${name}-error`);
      const messages = errors[name] ? [].concat(errors[name]).join(" ") : "";
      box.textContent = messages;
      form.elements[name].setAttribute("aria-invalid", messages ? "true" : "false");
    }
  }

  function article() {
    const value = (name) => form.elements[name].value.trim();
    const data = { title: value("title"), body: form.elements.body.value };
    if (value("source")) data.source = value("source");
    if (value("url")) data.url = value("url");
    if (value("published_at")) data.published_at = value("published_at");
    return data;
  }

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const data = article();
    const missing = {};
    if (!data.title) missing.title = "A title is required.";
    if (!data.body.trim()) missing.body = "The text is required.";
    showErrors(missing);
    if (Object.keys(missing).length) { form.elements[Object.keys(missing)[0]].focus(); return; }
    try {
      Desk.say("Saving and extracting claims…");
      const created = (await Desk.call("POST", "/articles", { body: data })).data;
      window.location.assign(`/desk/articles/${created.id}`);
    } catch (error) {
      showErrors(error.problem.errors || {});
      Desk.fail(error);
      if (error.problem.existing_id) {
        const link = Desk.el("a", { href: `/desk/articles/${error.problem.existing_id}`, text: "Open the existing article" });
        document.getElementById("status").append(" ", link);
      }
    }
  });

  const upload = document.getElementById("upload");
  const result = document.getElementById("upload-result");

  /** The API path and Content-Type for a file, from its extension (then its type). */
  function route(file) {
    const name = file.name.toLowerCase();
    if (/\.(ndjson|jsonl)$/.test(name) || file.type === "application/x-ndjson") {
      return { path: "/articles/bulk", type: "application/x-ndjson" };
    }
    if (/\.html?$/.test(name) || file.type === "text/html") return { path: "/articles", type: "text/html" };
    if (/\.json$/.test(name) || /json/.test(file.type)) return { path: "/articles", type: "application/ninjs+json" };
    return null;
  }

  function problemText(problem) {
    return new Desk.ApiError(problem.status || 422, problem).message;
  }

  function showSingle(created) {
    const link = Desk.el("a", { href: `/desk/articles/${created.id}`, text: created.title || created.id });
    result.replaceChildren(Desk.el("p", {}, "Created: ", link));
    Desk.say("Article created.");
  }

  async function showBulk(response) {
    const lines = (await response.text()).split("\n").filter((line) => line.trim()).map((line) => JSON.parse(line));
    const created = lines.filter((line) => line.status === 201);
    const failed = lines.filter((line) => line.status !== 201);
    const list = Desk.el("ul", { id: "upload-lines" }, lines.map((line) => (line.status === 201
      ? Desk.el("li", { class: "created", "data-line": line.line }, `Line ${line.line}: created `,
        Desk.el("a", { href: `/desk/articles/${line.id}`, text: line.id }))
      : Desk.el("li", { class: "failed", "data-line": line.line }, `Line ${line.line}: failed — ${problemText(line.problem || {})}`))));
    const summary = `${created.length} created, ${failed.length} failed` +
      (failed.length ? ` (line ${failed.map((line) => line.line).join(", ")})` : "") + ".";
    result.replaceChildren(Desk.el("p", { id: "upload-summary", text: summary }), list);
    Desk.say(summary, failed.length ? "error" : "info");
  }

  upload.addEventListener("submit", async (event) => {
    event.preventDefault();
    const file = upload.elements.file.files[0];
    result.replaceChildren();
    if (!file) { Desk.say("Choose a file first.", "error"); upload.elements.file.focus(); return; }
    const target = route(file);
    if (!target) { Desk.say("Upload a .json (ninjs), .html, .htm, .ndjson or .jsonl file.", "error"); return; }
    try {
      Desk.say("Uploading…");
      const options = { raw: file, headers: { "Content-Type": target.type } };
      if (target.path === "/articles/bulk") {
        const response = await Desk.request("POST", target.path, options);
        if (!response.ok) throw new Desk.ApiError(response.status, await response.json().catch(() => null));
        await showBulk(response);
      } else {
        showSingle((await Desk.call("POST", target.path, options)).data);
      }
    } catch (error) {
      result.replaceChildren(Desk.el("p", { class: "field-error", text: error.message }));
      Desk.fail(error);
    }
  });

  document.addEventListener("DOMContentLoaded", async () => {
    try {
      const editable = await Desk.canEdit();
      document.getElementById("reader-note").hidden = editable;
      for (const node of form.elements) if (node.type !== "submit") node.disabled = !editable;
      upload.elements.file.disabled = !editable;
    } catch (error) {
      Desk.fail(error);
    }
  });
})();
