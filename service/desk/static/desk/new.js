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

  document.addEventListener("DOMContentLoaded", async () => {
    try {
      const editable = await Desk.canEdit();
      document.getElementById("reader-note").hidden = editable;
      for (const node of form.elements) if (node.type !== "submit") node.disabled = !editable;
    } catch (error) {
      Desk.fail(error);
    }
  });
})();
