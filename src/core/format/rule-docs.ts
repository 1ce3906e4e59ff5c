/** Where each rule's documentation lives (the docs/rules folder of the repository). */
export const DOCS_BASE = 'https://github.com/listwarden/listwarden/blob/main/docs/rules/';

export function ruleDocUrl(ruleId: string): string {
  return `${DOCS_BASE}${ruleId}.md`;
}
