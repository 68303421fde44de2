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

// Offline: the widget's service worker keeps this page too; its files are cached the
// first time the page is used. Registered once the page has loaded, as on the widget's
// pages, and through a Trusted Types policy that passes the worker's address only.
if ('serviceWorker' in navigator) {
  const worker = new URL('sw.js', import.meta.url).href;
  const register = () => {
    try {
      const policy = self.trustedTypes && trustedTypes.createPolicy('backpain-intake', { createScriptURL: (url) => (url === worker ? url : null) });
      navigator.serviceWorker.register(policy ? policy.createScriptURL(worker) : worker, { scope: new URL('.', import.meta.url).pathname }).catch(() => {});
    } catch {
      // A page whose trusted-types directive does not allow the policy: no offline copy.
    }
  };
  if (document.readyState === 'complete') register();
  else addEventListener('load', register);
}
