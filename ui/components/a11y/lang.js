// Page-wide accessibility (components v2: runs in the app's own document).
// 1. <html lang> follows the UI language: Streamlit's index.html says lang="en" whatever the app
//    shows, and a screen reader then reads German pages with English pronunciation. Only the two
//    UI languages are accepted.
// 2. After a run that removed the focused control (the card's dialog closed), Python names the
//    control that gets the focus: once the run has finished and the element is on the page.
const APP = '[data-testid="stApp"]';

function focusAfterRun(selector, frames = 300) {
  const app = document.querySelector(APP);
  const running = app && app.getAttribute("data-test-script-state") === "running";
  const element = running ? null : document.querySelector(selector);
  if (element && !document.querySelector('[role="dialog"]')) {
    element.focus({ preventScroll: false });
    return;
  }
  if (frames > 0) requestAnimationFrame(() => focusAfterRun(selector, frames - 1));
}

export default function (component) {
  const data = component.data || {};
  if (data.lang === "de" || data.lang === "en") document.documentElement.lang = data.lang;
  const store = (window.__timelineA11y ??= { focusSeq: null });
  if (typeof data.focus === "string" && data.focus_seq !== store.focusSeq) {
    store.focusSeq = data.focus_seq;
    focusAfterRun(data.focus);
  }
}
