/* Claimdesk desk: an article body with claims, speaker mentions and side evidence marked. */
"use strict";

const Marks = (() => {
  const CLAIM = 0;
  const SPEAKER = 1;
  const EVIDENCE = 2;

  function validSpan(span, length) {
    return span && Number.isInteger(span.start) && Number.isInteger(span.end)
      && span.start >= 0 && span.end <= length && span.start < span.end;
  }

  /** Marks from claims: claims outermost (earlier and longer first), then mentions, then evidence. */
  function collect(claims, length) {
    const marks = [];
    for (const claim of claims) {
      if (validSpan(claim.span, length)) marks.push({ rank: CLAIM, claim, ...claim.span });
      if (validSpan(claim.speaker_span, length)) marks.push({ rank: SPEAKER, claim, ...claim.speaker_span });
      const evidence = claim.side_evidence && claim.side_evidence.span;
      if (validSpan(evidence, length)) marks.push({ rank: EVIDENCE, claim, ...evidence });
    }
    return marks.sort((a, b) => a.rank - b.rank || a.start - b.start || b.end - a.end);
  }

  /** The element opening a mark; a claim split by an overlap gets continuation pieces. */
  function open(mark, seen, describe) {
    const id = mark.claim.id;
    if (mark.rank === SPEAKER) return Desk.el("span", { class: "speaker-mention", "data-speaker-of": id });
    if (mark.rank === EVIDENCE) return Desk.el("span", { class: "evidence", "data-evidence-of": id });
    const first = !seen.has(id);
    seen.add(id);
    const look = describe(mark.claim);
    const node = Desk.el("span", {
      class: `claim ${look.classes}`,
      "data-claim-id": first ? id : null,
      "data-claim-part": first ? null : id,
      "data-side-id": look.sideId,
      "data-side-name": look.sideName,
      title: look.title,
      tabindex: first ? "0" : null,
      role: first ? "button" : null,
      "aria-pressed": first ? "false" : null,
    });
    node.style.backgroundColor = look.background;
    node.style.color = look.color;
    return node;
  }

  /**
   * Render ``body`` into ``container`` as text nodes (offsets in the DOM text equal offsets
   * in the body) wrapped in mark elements; ``describe(claim)`` gives a claim's look.
   */
  function render(container, body, claims, describe) {
    const marks = collect(claims, body.length);
    const points = new Set([0, body.length]);
    for (const mark of marks) { points.add(mark.start); points.add(mark.end); }
    const cuts = [...points].sort((a, b) => a - b);
    const stack = [];
    const seen = new Set();
    const root = document.createDocumentFragment();
    for (let i = 0; i < cuts.length - 1; i += 1) {
      const from = cuts[i];
      const to = cuts[i + 1];
      const active = marks.filter((m) => m.start <= from && m.end >= to);
      let keep = 0;
      while (keep < stack.length && keep < active.length && stack[keep].mark === active[keep]) keep += 1;
      stack.length = keep;
      for (let j = keep; j < active.length; j += 1) {
        const node = open(active[j], seen, describe);
        (j === 0 ? root : stack[j - 1].node).append(node);
        stack.push({ mark: active[j], node });
      }
      const parent = stack.length ? stack[stack.length - 1].node : root;
      parent.append(document.createTextNode(body.slice(from, to)));
    }
    container.replaceChildren(root);
  }

  /** Character offset of a DOM position within ``container``'s text. */
  function offsetOf(container, node, offset) {
    const range = document.createRange();
    range.setStart(container, 0);
    range.setEnd(node, offset);
    return range.toString().length;
  }

  /** The selection inside ``container`` as {start, end, text}, trimmed of spaces, or null. */
  function selectedSpan(container, body) {
    const selection = window.getSelection();
    if (!selection || selection.isCollapsed || selection.rangeCount === 0) return null;
    const range = selection.getRangeAt(0);
    if (!container.contains(range.startContainer) || !container.contains(range.endContainer)) return null;
    let start = offsetOf(container, range.startContainer, range.startOffset);
    let end = offsetOf(container, range.endContainer, range.endOffset);
    while (start < end && /\s/.test(body[start])) start += 1;
    while (end > start && /\s/.test(body[end - 1])) end -= 1;
    if (start >= end) return null;
    return { start, end, text: body.slice(start, end) };
  }

  return { render, selectedSpan };
})();
