// Builds the SurveyJS edition of the intake into bench/surveyjs/, from the project's own
// data, so that the benchmark compares two renderings of the same questionnaire:
//
//   data/questionnaire.json  steps, questions, kinds, codes, required, when shown
//   data/i18n/<lang>.json    every text, in every language the widget ships
//   src/domain/*.rs          the two facts the JSON does not carry (see manyRules below)
//
// The page is written the way SurveyJS documents a plain-JavaScript page: survey-core's
// and survey-js-ui's minified UMD scripts, the default theme (survey-core.min.css),
// SurveyJS's own UI translations for each extra language, then a small start script.
// The library files are copied from node_modules into surveyjs/vendor/ (gitignored), so
// the directory is a static site that any server can host.
//
// As a module: `await buildSurvey()` (compare.mjs does, before every benchmark).
// From the shell: `node bench/build-survey.mjs`.

import { copyFile, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { basename, dirname, join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);

export const BENCH_DIR = fileURLToPath(new URL('.', import.meta.url));
export const ROOT_DIR = resolve(BENCH_DIR, '..');
export const SURVEY_DIR = join(BENCH_DIR, 'surveyjs');

const QUESTIONNAIRE = join(ROOT_DIR, 'data/questionnaire.json');
const I18N_DIR = join(ROOT_DIR, 'data/i18n');
const QUESTION_RS = join(ROOT_DIR, 'src/domain/question.rs');
const INPUT_RS = join(ROOT_DIR, 'src/domain/input.rs');

// The widget's default language; the other catalogs become SurveyJS locales.
const DEFAULT_LANG = 'en';
// The heading of the widget's standalone page (dist/index.html), repeated on this page
// so both pages draw the same things.
const PAGE_HEADING = 'Back pain massage intake';

/**
 * Writes bench/surveyjs/ and returns the survey JSON with a summary: the page and
 * question counts, and per extra language how many of the survey's texts its catalog
 * lacks (SurveyJS shows the English text for those).
 */
export async function buildSurvey({ outDir = SURVEY_DIR, i18nDir = I18N_DIR } = {}) {
  const questionnaire = await readJson(QUESTIONNAIRE);
  const catalogs = await readCatalogs(i18nDir);
  const manyRules = await readManyRules();
  const texts = new Texts(catalogs);
  const survey = surveyJson(questionnaire, texts, manyRules);
  checkWithSurveyCore(survey);

  const locales = Object.keys(catalogs).filter((lang) => lang !== DEFAULT_LANG);
  const uiTranslations = await surveyUiTranslations(locales);
  await rm(outDir, { recursive: true, force: true });
  await mkdir(join(outDir, 'vendor/i18n'), { recursive: true });
  const vendor = [
    ['survey-core/survey.core.min.js', 'vendor/survey.core.min.js'],
    ['survey-js-ui/survey-js-ui.min.js', 'vendor/survey-js-ui.min.js'],
    ['survey-core/survey-core.min.css', 'vendor/survey-core.min.css'],
    ...uiTranslations.map((file) => [`survey-core/i18n/${file}`, `vendor/i18n/${file}`]),
  ];
  for (const [from, to] of vendor) await copyFile(packageFile(from), join(outDir, to));
  const scripts = vendor.filter(([, to]) => to.endsWith('.js')).map(([, to]) => to);
  await writeFile(join(outDir, 'index.html'), indexHtml(scripts));
  await writeFile(join(outDir, 'survey-json.js'), surveyJsonScript(survey));
  await writeFile(join(outDir, 'start.js'), START_SCRIPT);

  return {
    outDir,
    survey,
    pages: survey.pages.length,
    questions: survey.pages.reduce((sum, page) => sum + page.elements.length, 0),
    languages: [DEFAULT_LANG, ...locales],
    missingTexts: Object.fromEntries(locales.map((lang) => [lang, texts.missing[lang].size])),
    surveyTexts: texts.used.size,
  };
}

/** The survey JSON: one SurveyJS page per step, one question per question. */
function surveyJson(questionnaire, texts, manyRules) {
  const kinds = new Map(questionnaire.steps.flatMap((step) => step.questions).map((q) => [q.id, q.kind]));
  return {
    // The widget has a progress bar and no question numbers (SurveyJS 2 numbers none by default).
    showProgressBar: true,
    pageNextText: texts.loc('ui.step.next'),
    pagePrevText: texts.loc('ui.step.back'),
    completeText: texts.loc('ui.step.results'),
    pages: questionnaire.steps.map((step) => ({
      name: step.id,
      title: texts.loc(`step.${step.id}.title`),
      description: texts.loc(`step.${step.id}.intro`),
      elements: step.questions.map((question) => surveyQuestion(question, texts, manyRules, kinds)),
    })),
  };
}

/** One question, drawn as the widget draws it (src/ui/question_field.rs). */
function surveyQuestion(question, texts, manyRules, kinds) {
  const { id } = question;
  const element = { name: id, title: texts.loc(`q.${id}.label`) };
  if (question.help) element.description = texts.loc(`q.${id}.help`);
  if (question.required) element.isRequired = true;
  if (question.show_if) element.visibleIf = visibleIf(question.show_if, kinds);
  const choice = (code) => ({ value: code, text: texts.loc(`q.${id}.opt.${code}`) });

  switch (`${question.kind}/${question.control}`) {
    case 'integer/number': {
      // The widget's message names the range; SurveyJS has one message for each end.
      const range = texts.loc('ui.field.range', { min: question.min, max: question.max });
      return {
        type: 'text', ...element, inputType: 'number', min: question.min, max: question.max, step: 1,
        minErrorText: range, maxErrorText: range,
      };
    }
    case 'integer/scale':
      // The widget draws a 0-10 pain scale as one radio button per point with the two
      // anchors above, which is SurveyJS's rating scale, not a number field. As buttons
      // always: on a narrow survey SurveyJS would otherwise turn eleven points into a
      // drop-down list.
      return {
        type: 'rating', ...element, rateMin: question.min, rateMax: question.max, displayMode: 'buttons',
        minRateDescription: texts.loc('ui.scale.low'), maxRateDescription: texts.loc('ui.scale.high'),
      };
    case 'one/choices':
      return { type: 'radiogroup', ...element, choices: question.codes.map(choice) };
    case 'many/choices': {
      const rule = manyRules.get(id);
      if (!rule) throw new Error(`${id}: no Kind::Many entry in ${QUESTION_RS}`);
      const choices = question.codes.map((code) =>
        code === rule.exclusive ? { ...choice(code), isExclusive: true } : choice(code),
      );
      // A required list that may be empty (the conditions) gets an explicit "none of
      // these", as in the widget: an untouched list must not read as "none".
      if (question.required && rule.min === 0) {
        choices.push({ value: rule.noneOfThese, text: texts.loc('ui.field.none_of_these'), isExclusive: true });
      }
      if (rule.min > 1) element.minSelectedChoices = rule.min;
      return { type: 'checkbox', ...element, choices };
    }
    case 'bool/yes_no':
    case 'bool/agree_disagree': {
      const [yes, no] = question.control === 'yes_no' ? ['yes', 'no'] : ['agree', 'disagree'];
      // A pair of radio buttons, yes first, as in the widget, rather than SurveyJS's
      // default switch (whose radio form puts "no" first unless swapped).
      return {
        type: 'boolean', ...element, renderAs: 'radio', swapOrder: true,
        labelTrue: texts.loc(`common.${yes}`), labelFalse: texts.loc(`common.${no}`),
      };
    }
    default:
      throw new Error(`${id}: no SurveyJS mapping for kind ${question.kind} with control ${question.control}`);
  }
}

/**
 * The widget shows a question while every condition of its `show_if` holds: an earlier
 * answer holds any of the codes (`true`/`false` for a yes/no question), or a number is at
 * least `at_least` (src/domain/questionnaire.rs, `ShowIf`).
 */
function visibleIf(rules, kinds) {
  return rules
    .map(({ question, any_of: anyOf = [], at_least: atLeast }) => {
      if (!kinds.has(question)) throw new Error(`show_if refers to unknown question ${question}`);
      if (atLeast !== undefined) return `{${question}} >= ${atLeast}`;
      if (kinds.get(question) === 'bool') return `(${anyOf.map((value) => `{${question}} = ${value}`).join(' or ')})`;
      // `anyof` tests a single answer (radiogroup) or a list (checkbox) against the codes.
      return `{${question}} anyof [${anyOf.map((code) => `'${code}'`).join(', ')}]`;
    })
    .join(' and ');
}

/** Looks texts up in every catalog and returns SurveyJS localizable strings. */
class Texts {
  constructor(catalogs) {
    this.catalogs = catalogs;
    this.used = new Set();
    this.missing = Object.fromEntries(Object.keys(catalogs).map((lang) => [lang, new Set()]));
  }

  /**
   * `{ default: en, es: ..., fr: ... }` for `key`, with `{name}` placeholders filled from
   * `args` as the widget's Catalog::format does. A language without the key is left
   * out (SurveyJS falls back to the default); English without it is an error.
   */
  loc(key, args = {}) {
    this.used.add(key);
    const format = (text) => Object.entries(args).reduce((out, [name, value]) => out.replaceAll(`{${name}}`, value), text);
    const english = this.catalogs[DEFAULT_LANG][key];
    if (typeof english !== 'string') throw new Error(`${DEFAULT_LANG}.json has no text for ${key}`);
    const localized = { default: format(english) };
    for (const [lang, catalog] of Object.entries(this.catalogs)) {
      if (lang === DEFAULT_LANG) continue;
      if (typeof catalog[key] === 'string') localized[lang] = format(catalog[key]);
      else this.missing[lang].add(key);
    }
    return localized;
  }
}

/**
 * Every catalog in data/i18n/ (or `dir`), keyed by the code SurveyJS registers its own
 * translation under: the widget's code (the file name) in lower case, and Simplified
 * Chinese, which the widget calls `zh`, as `zh-cn`.
 */
async function readCatalogs(dir) {
  const files = (await readdir(dir)).filter((name) => name.endsWith('.json')).sort();
  const catalogs = {};
  const surveyCode = (lang) => ({ zh: 'zh-cn' })[lang] ?? lang.toLowerCase();
  for (const file of files) catalogs[surveyCode(basename(file, '.json'))] = await readJson(join(dir, file));
  if (!catalogs[DEFAULT_LANG]) throw new Error(`${dir}/${DEFAULT_LANG}.json is missing`);
  return catalogs;
}

/**
 * What questionnaire.json does not say about a "many" question, read from the Rust
 * schema (QuestionId::kind in src/domain/question.rs): the least number of codes
 * (`min`), the code that excludes all others (`exclusive`, "none" for other care), and
 * the value of the widget's "none of these" box (NONE_OF_THESE in input.rs). Fails
 * loudly if the source no longer reads as expected, rather than guessing.
 */
async function readManyRules() {
  const source = await readFile(QUESTION_RS, 'utf8');
  const enumBody = source.match(/pub enum QuestionId \{([^}]*)\}/)?.[1];
  if (!enumBody) throw new Error(`${QUESTION_RS}: no \`pub enum QuestionId\``);
  const idOf = new Map([...enumBody.matchAll(/(\w+)\s*=\s*"(\w+)"/g)].map(([, variant, id]) => [variant, id]));
  const noneOfThese = (await readFile(INPUT_RS, 'utf8')).match(/pub const NONE_OF_THESE: &str = "(\w+)";/)?.[1];
  if (!noneOfThese) throw new Error(`${INPUT_RS}: no NONE_OF_THESE constant`);

  const rules = new Map();
  const many = /Q::(\w+)\s*=>\s*Kind::Many\s*\{\s*codes:\s*[\w:]+,\s*min:\s*(\d+),\s*exclusive:\s*(?:None|Some\("(\w+)"\))\s*\}/g;
  for (const [, variant, min, exclusive] of source.matchAll(many)) {
    const id = idOf.get(variant);
    if (!id) throw new Error(`${QUESTION_RS}: Q::${variant} is not a QuestionId`);
    rules.set(id, { min: Number(min), exclusive: exclusive ?? null, noneOfThese });
  }
  return rules;
}

/**
 * Reads a JSON file, retrying for a few seconds if it does not parse: the catalogs are
 * edited while the benchmark may run, and an editor can leave a half-written file.
 */
async function readJson(path, attempts = 10) {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return JSON.parse(await readFile(path, 'utf8'));
    } catch (error) {
      if (attempt >= attempts || !(error instanceof SyntaxError)) {
        throw new Error(`${path}: ${error.message}`);
      }
      await sleep(500);
    }
  }
}

/**
 * Loads the survey into survey-core here in node: an unknown property or type is an
 * error (SurveyJS would ignore it silently in the browser), and the model must have a
 * page per step with every question.
 */
function checkWithSurveyCore(json) {
  const { Model } = require('survey-core');
  const model = new Model(json);
  const errors = (model.jsonErrors ?? []).map((error) => error.message);
  if (errors.length) throw new Error(`survey-core rejects the survey JSON:\n  ${errors.join('\n  ')}`);
  const expected = json.pages.flatMap((page) => page.elements.map((element) => `${page.name}/${element.name}`));
  const actual = model.pages.flatMap((page) => page.questions.map((question) => `${page.name}/${question.name}`));
  if (expected.join() !== actual.join()) throw new Error('survey-core built a different set of pages and questions');
}

/**
 * A file of an installed package, such as `survey-core/survey.core.min.js`. The packages'
 * `exports` maps hide their built files from require.resolve, so this goes through the
 * directory of the package's main file, which is the package root for both.
 */
function packageFile(path) {
  const [name, ...rest] = path.split('/');
  return join(dirname(require.resolve(name)), ...rest);
}

/** survey-core's translation file (in its i18n/) for each language code, found by the code it registers. */
async function surveyUiTranslations(locales) {
  const dir = packageFile('survey-core/i18n');
  const byCode = new Map();
  for (const file of (await readdir(dir)).filter((name) => name.endsWith('.min.js'))) {
    const code = (await readFile(join(dir, file), 'utf8')).match(/localeCode:"([\w-]+)"/)?.[1];
    // index.min.js registers every language at once: each language's own file is wanted.
    if (code && !byCode.has(code) && file !== 'index.min.js') byCode.set(code, file);
  }
  return locales.map((lang) => {
    if (!byCode.has(lang)) throw new Error(`survey-core has no UI translation for ${lang}`);
    return byCode.get(lang);
  });
}

function indexHtml(scripts) {
  return `<!doctype html>
<!-- Generated by bench/build-survey.mjs: do not edit. -->
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<title>${PAGE_HEADING} (SurveyJS)</title>
<!-- An empty icon, so that Chromium does not ask for /favicon.ico. -->
<link rel="icon" href="data:,">
<link rel="stylesheet" href="vendor/survey-core.min.css">
${scripts.map((src) => `<script src="${src}"></script>`).join('\n')}
<script src="survey-json.js"></script>
<script src="start.js"></script>
</head>
<body>
<header><h1>${PAGE_HEADING}</h1></header>
<main><div id="surveyContainer"></div></main>
</body>
</html>
`;
}

function surveyJsonScript(survey) {
  return `// Generated by bench/build-survey.mjs from data/questionnaire.json and data/i18n/: do not edit.
const surveyJson = ${JSON.stringify(survey)};
`;
}

// Renders the survey as SurveyJS's plain-JavaScript guide does. `?lang=es` picks a
// language, as the widget's data-lang does; `window.survey` lets compare.mjs inspect
// the model.
const START_SCRIPT = `// Generated by bench/build-survey.mjs: do not edit.
const survey = new Survey.Model(surveyJson);
const lang = new URLSearchParams(location.search).get('lang');
if (lang) survey.locale = lang;
window.survey = survey;
document.addEventListener('DOMContentLoaded', () => {
  survey.render(document.getElementById('surveyContainer'));
});
`;

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const summary = await buildSurvey();
  const missing = Object.entries(summary.missingTexts)
    .map(([lang, count]) => `${lang} lacks ${count}`)
    .join(', ');
  console.log(
    `wrote ${summary.outDir}: ${summary.pages} pages, ${summary.questions} questions, ` +
      `${summary.surveyTexts} texts in ${summary.languages.join(', ')}${missing ? ` (${missing})` : ''}`,
  );
}
