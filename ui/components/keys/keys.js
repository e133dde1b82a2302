// Classroom keys for Streamlit (components v2): page-wide keys that work whatever has focus.
//
// The component runs in the app's own document (components v2 use no iframe). It listens on
// `window` in the capture phase, before any widget sees the key, and cancels the key's default
// action, so a focused radio, toggle or button never changes. Each action goes to Python in the
// state value `presses`: {seq, log: [[seq, action], ...]}, a counter with the latest actions, so
// repeated and quick keys all arrive even when reruns coalesce.
//
// Black screen and full screen are handled here, at once and without a rerun: full screen must
// be requested inside the key event, and a black screen should not wait for Python.

const ACTIONS = {
  ArrowRight: "next",
  PageDown: "next",
  " ": "next",
  ArrowLeft: "previous",
  PageUp: "previous",
  Home: "first",
  End: "last",
  b: "black",
  B: "black",
  ".": "black",
  f: "fullscreen",
  F: "fullscreen",
  Escape: "escape",
};
// Inside a text field only the clicker's keys are taken: typing must still work.
const CLICKER = new Set(["PageDown", "PageUp"]);
const LOG_SIZE = 50;
const BLACKOUT_ID = "classroom-keys-blackout";

function isTextField(element) {
  if (!element) return false;
  if (element.isContentEditable) return true;
  if (element.tagName === "TEXTAREA") return true;
  if (element.tagName !== "INPUT") return false;
  const type = (element.getAttribute("type") || "text").toLowerCase();
  return !["checkbox", "radio", "button", "submit", "reset", "range", "color", "file"].includes(
    type,
  );
}

function actionOf(event) {
  if (event.ctrlKey || event.metaKey || event.altKey || event.isComposing) return null;
  const action = ACTIONS[event.key];
  if (!action) return null;
  const target = event.composedPath ? event.composedPath()[0] : event.target;
  if (isTextField(target) && !CLICKER.has(event.key)) return null;
  return action;
}

function blackout() {
  return document.getElementById(BLACKOUT_ID);
}

function setBlackout(on, label) {
  const current = blackout();
  if (!on) {
    current?.remove();
    return;
  }
  if (current) return;
  const cover = document.createElement("div");
  cover.id = BLACKOUT_ID;
  cover.dataset.testid = "classroomBlackout";
  cover.setAttribute("role", "dialog");
  cover.setAttribute("aria-label", label || "");
  cover.tabIndex = -1;
  Object.assign(cover.style, {
    position: "fixed",
    inset: "0",
    background: "#000",
    zIndex: "2147483647",
    cursor: "none",
  });
  cover.addEventListener("click", () => window.__classroomKeys?.resume?.());
  document.body.appendChild(cover);
  cover.focus({ preventScroll: true });
}

function toggleFullscreen() {
  if (document.fullscreenElement) {
    document.exitFullscreen?.().catch(() => {});
  } else {
    document.documentElement.requestFullscreen?.().catch(() => {});
  }
}

export default function (component) {
  const { setStateValue, data } = component;
  const label = (data && data.blackout_label) || "";
  // Streamlit may call this function again (new data) without cleaning up the last call:
  // keep exactly one listener pair, the newest, in one store per page load.
  const store = (window.__classroomKeys ??= { seq: 0, log: [] });
  if (store.down) window.removeEventListener("keydown", store.down, true);
  if (store.up) window.removeEventListener("keyup", store.up, true);

  const send = (action) => {
    store.seq += 1;
    store.log = [...store.log, [store.seq, action]].slice(-LOG_SIZE);
    setStateValue("presses", { seq: store.seq, log: store.log });
  };

  store.resume = () => {
    setBlackout(false);
    send("resume");
  };

  const down = (event) => {
    const action = actionOf(event);
    if (!action) return;
    event.preventDefault();
    event.stopImmediatePropagation();
    if (event.repeat && (action === "black" || action === "fullscreen")) return;
    if (blackout()) {
      // like PowerPoint: with the screen black, a key first brings the slide back
      store.resume();
      return;
    }
    if (action === "black") {
      setBlackout(true, label);
    } else if (action === "fullscreen") {
      toggleFullscreen();
    } else if (action === "escape" && document.fullscreenElement) {
      document.exitFullscreen?.().catch(() => {});
    }
    send(action);
  };
  // Space and Enter activate a focused button or toggle on key up: cancel that as well.
  const up = (event) => {
    if (!actionOf(event)) return;
    event.preventDefault();
    event.stopImmediatePropagation();
  };

  store.down = down;
  store.up = up;
  window.addEventListener("keydown", down, true);
  window.addEventListener("keyup", up, true);
  const cover = blackout();
  if (cover) cover.setAttribute("aria-label", label);

  return () => {
    if (store.down !== down) return; // a newer call owns the listeners
    window.removeEventListener("keydown", down, true);
    window.removeEventListener("keyup", up, true);
    store.down = store.up = null;
    setBlackout(false);
  };
}
