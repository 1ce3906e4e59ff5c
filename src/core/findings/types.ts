import type { ListDocument, Span } from '../model/types.js';
import type { ToolRegistry } from '../names/tool-registry.js';
import type { ResolvedConfig } from '../config/resolved-config.js';

export type Severity = 'error' | 'warning' | 'info';

/** One text edit: replace source[start, end) with text. Offsets are 0-based. */
export interface TextEdit {
  start: number;
  end: number;
  text: string;
}

export interface Fix {
  /** Edits never overlap each other. */
  edits: TextEdit[];
  /** A certain fix is applied by `listwarden fix`; an uncertain one is only suggested. */
  certain: boolean;
}

export interface Finding {
  ruleId: string;
  severity: Severity;
  /** "what is wrong — what to do". */
  message: string;
  file: string;
  span: Span;
  /** Replacement text for the finding's span, where there is one. */
  suggestion?: string;
  fix?: Fix;
  /** Extra, machine-readable facts (e.g. the other place of a duplicate). */
  data?: Record<string, unknown>;
}

/** What a rule reports before the engine adds file and severity. */
export interface RuleReport {
  message: string;
  span: Span;
  suggestion?: string;
  fix?: Fix;
  data?: Record<string, unknown>;
  /** Lower the configured severity for this one report (e.g. cross-scope duplicates are info). */
  severity?: Severity;
}

/** Facts from outside the file (page titles, repository names) that rules may use. */
export interface LinkFacts {
  /** Page title, og:site_name, og:title or repository name of a URL, when known. */
  titlesFor(url: string): string[];
  /** For an http:// URL: true when its https:// twin serves the same site, false when it does not, undefined when unknown (offline). */
  httpsWorks?(url: string): boolean | undefined;
}

export interface RuleContext {
  doc: ListDocument;
  config: ResolvedConfig;
  registry: ToolRegistry;
  facts: LinkFacts;
  /** Whether another rule runs in this check (so a rule can leave a defect to the rule that explains it best). */
  isEnabled(ruleId: string): boolean;
  /**
   * In a pull request's review: the lines of this file the pull request adds or changes
   * (1-based). Absent outside a review. A rule that must pick one of two places (a duplicate)
   * picks the one the pull request wrote.
   */
  changedLines?: ReadonlySet<number>;
}

export interface RuleMeta {
  id: string;
  defaultSeverity: Severity;
  /** One line: what the rule finds. */
  description: string;
  fixable: boolean;
  /**
   * Reads what the link checks learned (RuleContext.facts: page titles, verified https). A run
   * that checks links runs the other rules while the requests are out, and these after.
   */
  usesLinkFacts?: boolean;
}

export interface Rule {
  meta: RuleMeta;
  check(ctx: RuleContext): RuleReport[];
}
