import type { Directive } from '../model/types.js';

/**
 * Answers whether a rule is silenced on a line by `<!-- listwarden-disable… -->` comments:
 * `disable-next-line` (the line after the comment), `disable-line` (the comment's own line),
 * and `disable` … `enable` ranges.
 */
export class Suppressions {
  private readonly byLine = new Map<number, Directive[]>();
  private readonly ranges: Directive[];

  constructor(directives: Directive[]) {
    for (const d of directives) {
      if (d.kind === 'disable-next-line' || d.kind === 'disable-line') {
        const line = d.kind === 'disable-next-line' ? d.line + 1 : d.line;
        const list = this.byLine.get(line) ?? [];
        list.push(d);
        this.byLine.set(line, list);
      }
    }
    this.ranges = directives.filter((d) => d.kind === 'disable' || d.kind === 'enable').sort((a, b) => a.line - b.line);
  }

  isSuppressed(ruleId: string, line: number): boolean {
    const matches = (d: Directive) => d.rules.length === 0 || d.rules.includes(ruleId);
    if (this.byLine.get(line)?.some(matches)) return true;
    let disabled = false;
    for (const d of this.ranges) {
      if (d.line > line) break;
      if (matches(d)) disabled = d.kind === 'disable';
    }
    return disabled;
  }
}
