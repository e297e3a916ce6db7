// Markdown report for people (design.md "job summary", "result"): the CI job summary / report.md
// (summary.md.hbs) and the pull/merge request body, also `report --format markdown`
// (pull-request.md.hbs), both rendered from one view (summary-view.ts). Handlebars renders leaf text only.

import { Handlebars } from './handlebars.js';
import { registerHelpers } from './summary-helpers.js';
import type { SummaryView } from './summary-view.js';
import pullRequestTemplate from './templates/pull-request.md.hbs';
import stepsTemplate from './templates/steps.md.hbs';
import stepTableTemplate from './templates/step-table.md.hbs';
import summaryTemplate from './templates/summary.md.hbs';

let compiled: { summary: HandlebarsTemplateDelegate; pullRequest: HandlebarsTemplateDelegate } | undefined;

function templates(): NonNullable<typeof compiled> {
  if (!compiled) {
    const hbs = Handlebars.create();
    registerHelpers(hbs);
    hbs.registerPartial('steps', hbs.template(stepsTemplate));
    hbs.registerPartial('step-table', hbs.template(stepTableTemplate));
    compiled = { summary: hbs.template(summaryTemplate), pullRequest: hbs.template(pullRequestTemplate) };
  }
  return compiled;
}

/** The CI job summary and report.md: outcome (with how to continue a waiting run), steps, failures. */
export function renderSummary(view: SummaryView): string {
  return tidy(templates().summary(view));
}

/** GitHub refuses a PR body over 65,536 characters (422); leave room for the platform's own text. */
export const MAX_BODY_CHARS = 60_000;

/** The pull/merge request body: the same report without CI instructions; failure output is dropped when too long. */
export function renderPullRequest(view: SummaryView, maxChars = MAX_BODY_CHARS): string {
  const body = tidy(templates().pullRequest(view));
  if (body.length <= maxChars || view.failures.length === 0) return body;
  return tidy(templates().pullRequest({ ...view, failures: [], failuresOmitted: view.failures.length }));
}

/** LF, no runs of blank lines, one trailing newline. */
function tidy(text: string): string {
  return `${text
    .replace(/\r\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()}\n`;
}
