// Writing aids above each Markdown body editor (editorial/admin_writing.py):
// - "Insert image": choose a file, write its alt text (or mark it decorative), upload it through the editor's
//   own upload URL, and insert ![alt](url) at the cursor;
// - an image dropped or pasted into the editor is uploaded by django-markdownx as ![](url): the same dialog
//   then asks for its alt text (cancelled, the save refuses the empty alt text and says why);
// - "Cite a source": pick one of the sources (a staff-only JSON list) and insert [@key] at the cursor.
// The dialogs are appended to <body>, outside the change form (no nested forms). Without JavaScript the
// editor is the plain textarea it was. No inline script or style: CSP.
"use strict";
(() => {
  const DECORATIVE = "decorative"; // editorial/markdown.py DECORATIVE_ALT: rendered as alt=""
  let counter = 0;

  function element(tag, attributes = {}, children = []) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes)) {
      if (name === "text") node.textContent = value;
      else node.setAttribute(name, value);
    }
    node.append(...children);
    return node;
  }

  function insertAt(editor, text, start, end) {
    editor.value = editor.value.slice(0, start) + text + editor.value.slice(end);
    editor.focus();
    editor.selectionStart = editor.selectionEnd = start + text.length;
    editor.dispatchEvent(new Event("input")); // the live preview follows
  }

  function markdownAlt(text) {
    return text.replace(/\s+/g, " ").trim().replace(/[[\]\\]/g, "\\$&");
  }

  function messageOf(payload) {
    const messages = payload && typeof payload === "object" ? Object.values(payload).flat() : [];
    return messages.filter((message) => typeof message === "string").join(" ");
  }

  function csrfToken(editor) {
    const input = editor.form && editor.form.querySelector("input[name='csrfmiddlewaretoken']");
    return input ? input.value : "";
  }

  // A modal dialog with a heading, an alert line, the given fields and Cancel / confirm buttons.
  function dialogFor(title, confirmLabel, fields) {
    const id = `writing-dialog-${++counter}`;
    const heading = element("h2", { id: `${id}-title`, text: title });
    const alert = element("p", { class: "errornote", role: "alert", hidden: "" });
    const cancel = element("button", { type: "button", text: "Cancel" });
    const confirm = element("button", { type: "submit", class: "default", text: confirmLabel });
    const form = element("form", { method: "dialog", novalidate: "" }, [
      heading,
      alert,
      ...fields,
      element("div", { class: "dialog-buttons" }, [cancel, confirm]),
    ]);
    const dialog = element("dialog", { class: "writing-dialog", "aria-labelledby": heading.id }, [form]);
    cancel.addEventListener("click", () => dialog.close("cancel"));
    document.body.append(dialog);
    return {
      dialog,
      form,
      confirm,
      fail(text) {
        alert.textContent = text;
        alert.hidden = false;
      },
      reset() {
        alert.hidden = true;
        alert.textContent = "";
        confirm.disabled = false;
      },
    };
  }

  function labelled(id, labelText, input, hint) {
    input.id = id;
    const parts = [element("label", { for: id, text: labelText })];
    if (hint) {
      const help = element("p", { class: "help", id: `${id}-help`, text: hint });
      input.setAttribute("aria-describedby", help.id);
      parts.push(input, help);
    } else parts.push(input);
    return element("p", {}, parts);
  }

  function imageDialog(editor) {
    const file = element("input", { type: "file", accept: "image/png,image/jpeg,image/gif,image/webp" });
    const alt = element("input", { type: "text", maxlength: "300", autocomplete: "off" });
    const decorative = element("input", { type: "checkbox" });
    const base = `${editor.id || "body"}-image`;
    const fileRow = labelled(`${base}-file`, "Image file (PNG, JPEG, GIF or WebP)", file);
    const altRow = labelled(
      `${base}-alt`,
      "Alt text: what the image shows",
      alt,
      "Describe it for a reader who cannot see it, in a sentence.",
    );
    decorative.id = `${base}-decorative`;
    const decorativeRow = element("p", {}, [
      decorative,
      " ",
      element("label", {
        for: decorative.id,
        class: "inline",
        text: "Decorative image: it adds nothing a reader needs (screen readers skip it)",
      }),
    ]);
    const box = dialogFor("Insert image", "Insert image", [fileRow, altRow, decorativeRow]);
    decorative.addEventListener("change", () => {
      alt.disabled = decorative.checked;
    });
    let request = null; // {mode: "upload", start, end} or {mode: "describe", code}

    function altText() {
      if (decorative.checked) return DECORATIVE;
      return markdownAlt(alt.value);
    }

    // `asked` is the request the dialog was submitted for: if the dialog was cancelled (or cancelled and
    // opened again for another image) while the file uploaded, the answer belongs to no open dialog.
    function stillAsked(asked) {
      return box.dialog.open && request === asked;
    }

    async function upload(text, asked) {
      const data = new FormData();
      data.append("image", file.files[0]);
      data.append("csrfmiddlewaretoken", csrfToken(editor));
      let response;
      let payload = null;
      try {
        response = await fetch(editor.getAttribute("data-markdownx-upload-urls-path"), {
          method: "POST",
          body: data,
          credentials: "same-origin",
          headers: { "X-CSRFToken": csrfToken(editor), "X-Requested-With": "XMLHttpRequest" },
        });
        payload = await response.json().catch(() => null);
      } catch {
        if (stillAsked(asked)) {
          box.fail("The image did not reach the server (the connection failed). Nothing was saved: try again.");
        }
        return;
      }
      const match = payload && typeof payload.image_code === "string" && payload.image_code.match(/^!\[\]\((.*)\)$/s);
      if (!stillAsked(asked)) return; // cancelled while it uploaded: the file is stored, nothing is inserted
      if (!response.ok || !match) {
        box.fail(messageOf(payload) || "The image could not be uploaded. Nothing was saved: try again.");
        return;
      }
      box.dialog.close("done");
      insertAt(editor, `![${text}](${match[1]})`, asked.start, asked.end);
    }

    box.form.addEventListener("submit", (event) => {
      event.preventDefault();
      box.reset();
      const text = altText();
      if (request.mode === "upload" && !(file.files && file.files.length)) {
        box.fail("Choose an image file.");
        file.focus();
        return;
      }
      if (!text) {
        box.fail("Write the alt text, or tick “Decorative image”.");
        alt.focus();
        return;
      }
      if (request.mode === "describe") {
        const at = editor.value.lastIndexOf(request.code);
        box.dialog.close("done");
        // Concatenated, not String.replace: "$&", "$`" and "$'" in the alt text are text, not patterns.
        if (at >= 0) insertAt(editor, "![" + text + "]" + request.code.slice(3), at, at + request.code.length);
        return;
      }
      const asked = request;
      box.confirm.disabled = true;
      upload(text, asked).finally(() => {
        if (request === asked) box.confirm.disabled = false;
      });
    });

    const queue = [];
    box.dialog.addEventListener("close", () => {
      if (queue.length) window.setTimeout(() => open(queue.shift()), 0);
      else editor.focus();
    });

    function open(next) {
      if (box.dialog.open) {
        queue.push(next);
        return;
      }
      request = next;
      box.reset();
      file.value = "";
      alt.value = "";
      alt.disabled = false;
      decorative.checked = false;
      fileRow.hidden = next.mode === "describe";
      box.dialog.querySelector("h2").textContent =
        next.mode === "describe" ? "Describe the image you added" : "Insert image";
      box.confirm.textContent = next.mode === "describe" ? "Set alt text" : "Insert image";
      box.dialog.showModal();
      (next.mode === "describe" ? alt : file).focus();
    }

    return {
      insert: () => open({ mode: "upload", start: editor.selectionStart, end: editor.selectionEnd }),
      describe: (code) => open({ mode: "describe", code }),
    };
  }

  function citeDialog(editor) {
    const select = element("select");
    const base = `${editor.id || "body"}-cite`;
    const box = dialogFor("Cite a source", "Insert citation", [
      labelled(`${base}-source`, "Source", select, "Inserted as [@key]; the page numbers it and lists it under Sources."),
    ]);
    let range = null;
    let loaded = false;

    async function load() {
      try {
        const response = await fetch(editor.getAttribute("data-sources-url"), { credentials: "same-origin" });
        if (!response.ok) throw new Error(String(response.status));
        const { sources } = await response.json();
        select.replaceChildren(
          ...sources.map((source) => element("option", { value: source.key, text: `${source.key}: ${source.title}` })),
        );
        loaded = true;
        if (!sources.length) box.fail("No sources yet: add the source first (Editorial → Sources).");
      } catch {
        box.fail("The list of sources could not be loaded. Try again.");
      }
    }

    box.form.addEventListener("submit", (event) => {
      event.preventDefault();
      if (!select.value) {
        box.fail("Choose a source.");
        return;
      }
      box.dialog.close("done");
      insertAt(editor, `[@${select.value}]`, range.start, range.end);
    });
    box.dialog.addEventListener("close", () => {
      if (box.dialog.returnValue !== "done") editor.focus();
    });

    return {
      open: async () => {
        range = { start: editor.selectionStart, end: editor.selectionEnd };
        box.reset();
        box.dialog.showModal();
        if (!loaded) await load();
        select.focus();
      },
    };
  }

  function equip(editor) {
    const box = editor.closest(".markdownx");
    if (!box || box.dataset.writingTools) return;
    box.dataset.writingTools = "on";
    const images = editor.hasAttribute("data-markdownx-upload-urls-path") ? imageDialog(editor) : null;
    const cite = editor.hasAttribute("data-sources-url") ? citeDialog(editor) : null;
    const tools = element("div", { class: "writing-tools" });
    if (images) {
      const button = element("button", { type: "button", text: "Insert image" });
      button.addEventListener("click", images.insert);
      tools.append(button);
      // An image dropped or pasted: markdownx inserted ![](url); ask for its alt text.
      box.addEventListener("markdownx.fileUploadEnd", (event) => {
        const code = event.detail && event.detail[0] && event.detail[0].image_code;
        if (typeof code === "string" && code.startsWith("![](")) images.describe(code);
      });
    }
    if (cite) {
      const button = element("button", { type: "button", text: "Cite a source" });
      button.addEventListener("click", cite.open);
      tools.append(button);
    }
    if (tools.children.length) box.prepend(tools); // inside the box: the form row lays its children out in a row
  }

  function start() {
    document.querySelectorAll(".markdownx textarea.markdownx-editor").forEach(equip);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
