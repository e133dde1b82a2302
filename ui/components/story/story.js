// The story view's list of events as one element (components v2, `isolate_styles=False`: the
// list lives in the page's own DOM, so the page's stylesheet, the focus ring, axe and the tests
// see it like any other part of the page).
//
// `data.html` is the whole list, built and escaped by Python (ui/story.py: every value from the
// tables goes through ui.text.esc there); this script only puts it on the page and listens for
// clicks. Each title is a real <button data-story-id="…">: a mouse click, Enter and Space all
// arrive as a click. The choice goes to Python in the state value `open`: {seq, id}, with a
// counter that grows with every click, so choosing the same title again (after closing its
// card) is a new value and Python's callback runs again.

export default function (component) {
  const { data, parentElement, setStateValue } = component;
  const html = data && typeof data.html === "string" ? data.html : "";
  const store = (window.__timelineStory ??= { seq: 0 });

  let list = parentElement.querySelector(":scope > .story-list");
  if (!list) {
    list = document.createElement("div");
    list.className = "story-list";
    parentElement.appendChild(list);
  }
  // Streamlit calls this function again whenever the data changes: redraw only then, and keep
  // the keyboard focus on the same title if it is still there
  if (list.__storyHtml !== html) {
    const active = document.activeElement;
    const focused = active && list.contains(active) ? active.dataset.storyId : undefined;
    list.innerHTML = html;
    list.__storyHtml = html;
    if (focused !== undefined) {
      const again = list.querySelector(`button[data-story-id="${CSS.escape(focused)}"]`);
      again?.focus({ preventScroll: true });
    }
  }
  // one handler for every title (replaced, not added, on each call: the newest setStateValue)
  list.onclick = (event) => {
    const button = event.target.closest("button[data-story-id]");
    if (!button || !list.contains(button)) return;
    store.seq += 1;
    setStateValue("open", { seq: store.seq, id: button.dataset.storyId });
  };
}
