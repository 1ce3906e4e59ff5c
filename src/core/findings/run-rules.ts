import { compareCodeUnits } from './finding-order.js';
import type { ListDocument } from '../model/types.js';
import type { ResolvedConfig } from '../config/resolved-config.js';
import { resolveConfig, severityFor } from '../config/resolved-config.js';
import type { Finding, LinkFacts, Rule, Severity } from './types.js';
import { Suppressions } from './suppression.js';
import { compileUrlPatterns } from './url-pattern.js';
import { ToolRegistry } from '../names/tool-registry.js';
import { allRules } from '../rules/index.js';

export const noFacts: LinkFacts = { titlesFor: () => [] };

export interface RunOptions {
  config?: ResolvedConfig;
  facts?: LinkFacts;
  rules?: Rule[];
  registry?: ToolRegistry;
  /**
   * Which rules: all (default); those that need nothing from the link checks (run while the
   * requests are out, with the parse problems); or only those that use link facts (run after,
   * without the parse problems, which the first part reported).
   */
  part?: 'all' | 'before-links' | 'after-links';
  /** In a pull request's review: the lines the pull request adds or changes (RuleContext.changedLines). */
  changedLines?: ReadonlySet<number>;
}

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;

/**
 * Registries by the configured tools they were built from: building one indexes every known
 * name (~13 ms), so it is done once; each run gets its own lookup caches (forOneRun).
 */
const registries = new WeakMap<readonly object[], ToolRegistry>();
let defaultRegistry: ToolRegistry | undefined;

function registryFor(tools: ResolvedConfig['tools']): ToolRegistry {
  if (tools.length === 0) return (defaultRegistry ??= new ToolRegistry([])).forOneRun();
  let registry = registries.get(tools);
  if (!registry) {
    registry = new ToolRegistry(tools);
    registries.set(tools, registry);
  }
  return registry.forOneRun();
}

/** Runs every enabled rule over a document and returns its findings in file order. */
export function runRules(doc: ListDocument, options: RunOptions = {}): Finding[] {
  const steps = ruleSteps(doc, options);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * runRules one rule at a time: the generator pauses between two rules and returns the
 * findings at the end. A caller with network I/O under way (the link checks) lets its
 * event loop run between rules, so answers and TLS handshakes never wait for all of them.
 */
export function* ruleSteps(doc: ListDocument, options: RunOptions = {}): Generator<void, Finding[], void> {
  const config = options.config ?? resolveConfig();
  const registry = options.registry ?? registryFor(config.tools);
  const facts = options.facts ?? noFacts;
  const suppressions = new Suppressions(doc.directives);
  const ignoredUrl = compileUrlPatterns(config.ignoreUrls);
  const findings: Finding[] = [];
  const part = options.part ?? 'all';
  const rules = (options.rules ?? allRules).filter((rule) => severityFor(config, rule.meta.id, rule.meta.defaultSeverity) !== 'off');
  // Whether a rule is enabled is the same in every part (a rule may defer to another).
  const enabled = new Set(rules.map((rule) => rule.meta.id));
  const isEnabled = (ruleId: string) => enabled.has(ruleId);
  const inPart = (rule: Rule) => part === 'all' || (part === 'after-links') === (rule.meta.usesLinkFacts === true);
  let started = false;
  for (const rule of rules) {
    if (!inPart(rule)) continue;
    if (started) yield;
    started = true;
    const configured = severityFor(config, rule.meta.id, rule.meta.defaultSeverity) as Severity;
    for (const report of rule.check({ doc, config, registry, facts, isEnabled, ...(options.changedLines ? { changedLines: options.changedLines } : {}) })) {
      if (suppressions.isSuppressed(rule.meta.id, report.span.start.line)) continue;
      const url = report.data?.url;
      if (typeof url === 'string' && ignoredUrl(url)) continue;
      // A rule may lower its own severity for one report (never raise it above the configured one).
      const severity = report.severity && SEVERITY_ORDER[report.severity] > SEVERITY_ORDER[configured] ? report.severity : configured;
      findings.push({
        ruleId: rule.meta.id,
        severity,
        message: report.message,
        file: doc.path,
        span: report.span,
        ...(report.suggestion !== undefined ? { suggestion: report.suggestion } : {}),
        ...(report.fix ? { fix: report.fix } : {}),
        ...(report.data ? { data: report.data } : {}),
      });
    }
  }
  return findings.sort(
    (a, b) => a.span.start.offset - b.span.start.offset || compareCodeUnits(a.ruleId, b.ruleId),
  );
}
