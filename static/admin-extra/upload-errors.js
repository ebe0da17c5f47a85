// The Markdown editor (django-markdownx) reports a refused or failed image upload only by typing
// "Invalid response" into the text and firing an event. Show the server's own message instead, above the
// editor, and take the placeholder out of the text (editorial.views.ImageUploadView answers
// {"image": [message]}: 400 when the file is refused, 503 when it could not be stored).
"use strict";
(() => {
  const PLACEHOLDER = "Invalid response"; // markdownx.js, XHR_RESPONSE_ERROR
  const UNREACHED = "The image did not reach the server (the connection failed). Nothing was saved: try again.";
  const UNSAID = "The image could not be uploaded. Nothing was saved: try again.";

  function messageOf(response) {
    const messages = response && typeof response === "object" ? Object.values(response).flat() : [];
    return messages.filter((message) => typeof message === "string").join(" ");
  }

  function show(box, text) {
    let note = box.querySelector(".upload-error");
    if (!note) {
      note = document.createElement("p");
      note.className = "errornote upload-error";
      note.setAttribute("role", "alert");
      box.prepend(note);
    }
    note.textContent = text;
  }

  function dropPlaceholder(editor) {
    // markdownx inserts it in place of the selection right after firing the event: undo exactly that.
    const before = editor.value;
    const start = editor.selectionStart;
    const end = editor.selectionEnd;
    window.setTimeout(() => {
      if (editor.value !== before.slice(0, start) + PLACEHOLDER + before.slice(end)) return;
      editor.value = before;
      editor.selectionStart = start;
      editor.selectionEnd = end;
      editor.dispatchEvent(new Event("input")); // the preview follows
    }, 0);
  }

  function failed(event, fallback) {
    const box = event.target.closest ? event.target.closest(".markdownx") : null;
    if (!box) return;
    show(box, messageOf(event.detail && event.detail[0]) || fallback);
    const editor = box.querySelector(".markdownx-editor");
    if (editor) dropPlaceholder(editor);
  }

  // Capture: markdownx's events do not bubble, and are dispatched on each editor's own box.
  document.addEventListener("markdownx.fileUploadError", (event) => failed(event, UNSAID), true);
  document.addEventListener("fileUploadError", (event) => failed(event, UNREACHED), true); // a network error
  document.addEventListener(
    "markdownx.fileUploadEnd",
    (event) => {
      const note = event.target.closest && event.target.closest(".markdownx")?.querySelector(".upload-error");
      if (note) note.remove();
    },
    true,
  );
})();
