// The release build loads in Chromium and shows the widget, cleanly and self-contained.

import assert from 'node:assert/strict';
import { test } from 'node:test';

import { openWidget } from './harness.mjs';

test('the release build loads and shows the welcome screen', async (t) => {
  const widget = await openWidget(t);

  await widget.goto('/');

  const pageHeading = widget.page.getByRole('heading', { level: 1, name: 'Back pain massage intake' });
  assert.equal(await pageHeading.isVisible(), true, 'the standalone page names itself');
  const heading = widget.page.getByRole('heading', { level: 2, name: 'Is massage right for your back pain?' });
  assert.equal(await heading.isVisible(), true, 'the heading is visible');
  assert.equal(await widget.page.locator('[data-action=next]').isVisible(), true, 'the start button is visible');
  assert.equal(await widget.page.title(), 'Back pain massage intake');
  assert.ok(
    widget.recorded.requests.some((url) => url.endsWith('.wasm')),
    'the page loaded its wasm',
  );
  await widget.screenshot('shell-loaded');
  widget.assertClean();
});
