// The review screen (editorial/admin_review.py): the framed preview opens at the item's own content, so the
// reviewer reads the article first; the site's header and safety notice above it are a scroll up, as on
// every page. Only the frame scrolls, never the admin page around it. A link in the preview (a source, the
// site's menu) opens in a new tab: public pages refuse to be framed, and a source belongs in its own tab.
// Citation links within the page ("#source-1") still scroll the frame. Without JavaScript the frame opens
// at the top of the page.
"use strict";
(() => {
  function openAtContent(frame) {
    const view = frame.contentWindow;
    const main = view && view.document.getElementById("main");
    if (main) view.scrollTo(0, main.getBoundingClientRect().top + view.scrollY);
    for (const link of view.document.querySelectorAll("a[href]")) {
      if (!link.getAttribute("href").startsWith("#")) {
        link.target = "_blank";
        link.rel = "noopener";
      }
    }
  }
  for (const frame of document.querySelectorAll("iframe.reader-view")) {
    frame.addEventListener("load", () => openAtContent(frame));
    if (frame.contentDocument && frame.contentDocument.readyState === "complete") openAtContent(frame);
  }
})();
