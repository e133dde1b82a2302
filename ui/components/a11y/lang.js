// <html lang> follows the UI language (components v2: runs in the app's own document).
// Streamlit's index.html says lang="en" whatever the app shows; a screen reader then reads
// German pages with English pronunciation. Only the two UI languages are accepted.
export default function (component) {
  const lang = component.data && component.data.lang;
  if (lang === "de" || lang === "en") document.documentElement.lang = lang;
}
