// The clinician page's loader (scripts/package.mjs fills in the hashed names): its own
// module and wasm, never the widget's.
import init, { mount_clinician } from './__GLUE__';

const root = document.getElementById('clinician');
// English is in the wasm; the page's language, when another, is fetched beside it.
const catalog = (lang) =>
  fetch(new URL(`i18n/${lang}.json`, import.meta.url)).then((r) => (r.ok ? r.text() : Promise.reject(new Error(r.status))));
init({ module_or_path: new URL('./__WASM__', import.meta.url) }).then(
  () => mount_clinician(root, catalog),
  (error) => {
    root.textContent = 'This page could not start in this browser. Try again, or use a current browser.';
    throw error;
  },
);
