// The review screen (editorial/admin_review.py): the framed preview opens at the item's own content, so the
// reviewer reads the article first; the site's header and safety notice above it are a scroll up, as on
// every page. Only the frame scrolls, never the admin page around it. Without JavaScript the frame opens
// at the top of the page.
"use strict";
(() => {
  function openAtContent(frame) {
    const view = frame.contentWindow;
    const main = view && view.document.getElementById("main");
    if (main) view.scrollTo(0, main.getBoundingClientRect().top + view.scrollY);
  }
  for (const frame of document.querySelectorAll("iframe.reader-view")) {
    frame.addEventListener("load", () => openAtContent(frame));
    if (frame.contentDocument && frame.contentDocument.readyState === "complete") openAtContent(frame);
  }
})();
