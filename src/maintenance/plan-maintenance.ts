import type { ResolvedConfig } from '../core/config/resolved-config.js';
import { TOO_SLOW, tooSlowFiles } from '../core/parse/inspect-input.js';
import type { Finding } from '../core/findings/types.js';
import type { FileWrite } from '../github/port.js';
import type { LinkEvidence, ListFile } from '../use-cases/check-lists.js';
import { inProcessFixer, plainRequestFacts, type FixRunner } from '../use-cases/fix-job.js';
import { listWrite } from '../use-cases/read-list-file.js';
import { changeList, type MaintenanceChange } from './change-list.js';
import { deadLinkFixes, type LeftAlone } from './dead-link-fixes.js';
import { changesFingerprint } from './pull-body.js';
import { respectIgnores } from './respect-ignores.js';
import { STYLE_RULE_IDS } from '../core/style/style-rule-ids.js';

export interface MaintenancePlanInput {
  files: ListFile[];
  findings: Finding[];
  config: ResolvedConfig;
  evidence?: LinkEvidence;
  ignoredUrls?: string[];
  ignoredRules?: string[];
  /** Computes the fixes off this thread (the app's worker pool, with its deadline); absent → here. */
  fixes?: FixRunner;
}

export interface MaintenancePlan {
  /** The fixed lists (only those that change). */
  writes: FileWrite[];
  changes: MaintenanceChange[];
  /** Of the change set (see changesFingerprint). */
  fingerprint: string;
  /** Confirmed dead links left to a person, and why. */
  leftAlone: LeftAlone[];
  /** Files whose fixes could not be explained line by line: left unchanged (a listwarden bug). */
  unexplained: string[];
  /** Files left unchanged because the write would change bytes outside the fixes, and why. */
  refused: string[];
  /** Certain fixes left out because they would change a line that carries none of their finding ("file:line rule — why"). */
  fixesLeftOut: string[];
}

/**
 * What the maintenance pull request should change, and why — pure. The certain fixes are
 * fixText's (the same as `listwarden fix`), plus confirmed dead links as
 * `maintenance.deadLinks` asks; nothing on an ignored URL or of an ignored rule, and no
 * house-style fix unless `maintenance.style` is true. A file
 * whose change list cannot account for every edit is left out rather than changed unexplained.
 */
export async function planMaintenance(input: MaintenancePlanInput): Promise<MaintenancePlan> {
  // The list's existing style deviations are fixed here only when the maintainer asks (maintenance.style).
  const ignoredRules = [...(input.ignoredRules ?? []), ...(input.config.maintenance.style ? [] : STYLE_RULE_IDS)];
  const { findings, config } = respectIgnores(input.findings, input.config, input.ignoredUrls, ignoredRules);
  const dead = deadLinkFixes(input.files, findings, input.evidence, config.maintenance.deadLinks);
  const replaced = new Set(dead.findings.map((f) => `${f.file}\0${f.span.start.offset}`));
  const usable = [...dead.findings, ...findings.filter((f) => !(f.ruleId === 'no-dead-link' && replaced.has(`${f.file}\0${f.span.start.offset}`)))];
  const facts = input.evidence ? plainRequestFacts(input.evidence.facts, input.evidence.run.outcomes.keys()) : undefined;
  const fixes = input.fixes ?? inProcessFixer;

  const plan: MaintenancePlan = { writes: [], changes: [], fingerprint: '', leftAlone: dead.leftAlone, unexplained: [], refused: [], fixesLeftOut: [] };
  // A list refused as too large or too slow to check is not parsed again here to fix it.
  const refused = tooSlowFiles(input.findings);
  for (const file of input.files) {
    if (refused.has(file.path)) {
      plan.refused.push(`${file.path} left out — ${TOO_SLOW.toLowerCase()}`);
      continue;
    }
    const own = usable.filter((f) => f.file === file.path);
    const fixed = await fixes({ path: file.path, source: file.source, findings: own, config, ...(facts ? { facts } : {}), trace: true });
    if (fixed.tooSlow) {
      plan.refused.push(`${file.path} left out — ${fixed.tooSlow.message}`);
      continue;
    }
    for (const { finding, line } of fixed.refused ?? []) {
      plan.fixesLeftOut.push(`${file.path}:${finding.span.start.line} ${finding.ruleId} fix left out — it would change line ${line}, which this finding is not on`);
    }
    if (fixed.output === file.source) continue;
    const trace = fixed.trace;
    if (!trace || trace.output !== fixed.output) {
      plan.unexplained.push(file.path);
      continue;
    }
    const written = listWrite(file, fixed.output);
    if ('refused' in written) {
      plan.refused.push(written.refused);
      continue;
    }
    plan.writes.push(written.write);
    plan.changes.push(...changeList(file.path, file.source, trace, input.evidence));
  }
  plan.fingerprint = changesFingerprint(plan.changes);
  return plan;
}
