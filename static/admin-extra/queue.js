// The moderation queue's keyboard shortcuts (templates/admin/comments/comment/change_list.html lists them):
// j / k move between the rows (the focus goes to the row's "open" link, so Enter opens it, and the
// position is announced), a / r / s press the focused row's Approve / Reject / Spam button, o opens it,
// ? shows the list. An urgent row has no Approve and no Spam: a opens it (to read it in full), s says no.
// Never while typing in a field or with Ctrl, Alt or Meta, and they can be switched off (WCAG 2.1.4),
// remembered in this browser. Without JavaScript the buttons and links do the same.
"use strict";
(() => {
  const table = document.getElementById("result_list");
  const help = document.getElementById("queue-keys");
  const status = document.getElementById("queue-announce");
  const toggle = document.getElementById("queue-keys-on");
  if (!table || !help || !status || !toggle) return;
  const t = (text) => (window.gettext ? window.gettext(text) : text);
  const STORE = "kratom.queueShortcuts";
  help.hidden = false;
  // A browser that blocks storage still gets the shortcuts, switched on, for this page.
  const stored = () => {
    try {
      return window.localStorage.getItem(STORE);
    } catch {
      return null;
    }
  };
  toggle.checked = stored() !== "off";
  toggle.addEventListener("change", () => {
    try {
      window.localStorage.setItem(STORE, toggle.checked ? "on" : "off");
    } catch {
      // not remembered; the switch still holds for this page
    }
  });

  const rows = () => Array.from(table.tBodies[0].rows);
  const DECISION = { a: "approve", r: "reject", s: "spam" };

  function typing(element) {
    if (element.isContentEditable) return true;
    if (element.matches("textarea, select")) return true;
    return element.matches("input") && !["checkbox", "radio", "button", "submit", "reset"].includes(element.type);
  }

  function say(text) {
    status.textContent = text;
  }

  function focusRow(row) {
    const all = rows();
    const urgent = row.querySelector(".queue-urgent") ? `, ${t("urgent")}` : "";
    row.querySelector("a.queue-open").focus();
    say(`${t("Comment")} ${all.indexOf(row) + 1} ${t("of")} ${all.length}${urgent}.`);
  }

  document.addEventListener("keydown", (event) => {
    if (event.repeat) return; // a key held down decides once, not again on the next row
    if (!toggle.checked || event.defaultPrevented || event.ctrlKey || event.altKey || event.metaKey) return;
    if (typing(event.target)) return;
    const key = event.key;
    if (key === "?") {
      event.preventDefault();
      help.open = !help.open;
      if (help.open) help.querySelector("summary").focus();
      return;
    }
    if (!["j", "k", "a", "r", "s", "o"].includes(key)) return;
    const all = rows();
    if (!all.length) return;
    event.preventDefault();
    const here = document.activeElement && document.activeElement.closest("#result_list tbody tr");
    if (key === "j" || key === "k") {
      const index = here ? all.indexOf(here) + (key === "j" ? 1 : -1) : 0;
      focusRow(all[Math.max(0, Math.min(all.length - 1, index))]);
      return;
    }
    if (!here) {
      say(t("Press j to choose a comment first."));
      return;
    }
    const urgent = Boolean(here.querySelector(".queue-urgent"));
    if (key === "o" || (key === "a" && urgent)) {
      here.querySelector("a.queue-open").click();
      return;
    }
    const button = here.querySelector(`button[name="decision"][value="${DECISION[key]}"]`);
    if (button) {
      say(`${button.textContent}…`);
      button.click();
    } else {
      say(urgent && key === "s" ? t("An urgent comment is never marked as spam.") : t("Not offered for this comment."));
    }
  });
})();
