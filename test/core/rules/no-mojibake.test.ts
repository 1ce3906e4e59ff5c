import { describe, it, expect } from '@jest/globals';
import { noMojibake } from '../../../src/core/rules/no-mojibake.js';
import { itStaysWithinBoundsOnCorpus } from '../../helpers/corpus-bound.js';
import { checkText, fixText, where } from '../../helpers/check-text.js';
import { seed } from '../../helpers/shared-files.js';

const rules = [noMojibake];

describe('no-mojibake', () => {
  it('reports each garbled run at its exact place and repairs it', () => {
    const md = [
      '### ðŸ’¥ Pipeline',
      '',
      'Read this ðŸ‘‰ [the articleâ€™s intro](https://example.com/a).',
      '',
      '- [MITRE ATLASâ„¢](https://atlas.mitre.org/) - Threat landscape.',
      '',
    ].join('\n');
    const findings = checkText(md, rules);
    expect(where(findings)).toEqual(['1:5 no-mojibake', '3:11 no-mojibake', '3:28 no-mojibake', '5:15 no-mojibake']);
    expect(findings[0]!.message).toBe('"ðŸ’¥" is UTF-8 text read as Windows-1252 — replace it with "💥"');
    expect(findings[0]!.span.end.column).toBe(9);
    expect(findings[3]!.message).toBe('"â„¢" is UTF-8 text read as Windows-1252 — replace it with "™"');
    expect(fixText(md, rules)).toBe(
      ['### 💥 Pipeline', '', 'Read this 👉 [the article’s intro](https://example.com/a).', '', '- [MITRE ATLAS™](https://atlas.mitre.org/) - Threat landscape.', ''].join('\n'),
    );
  });

  it('looks into HTML text, and repairs text garbled twice', () => {
    const md = '<table>\n<tr><td>CafÃƒÂ© tools</td></tr>\n</table>\n';
    const findings = checkText(md, rules);
    expect(where(findings)).toEqual(['2:12 no-mojibake']);
    expect(findings[0]!.suggestion).toBe('é');
    expect(fixText(md, rules)).toBe('<table>\n<tr><td>Café tools</td></tr>\n</table>\n');
  });

  it('leaves code, URLs and ordinary accented text alone', () => {
    const md = [
      'Café, Müller, São Paulo, naïve, £5 – €10, “quoted”, ©, ®, ™.',
      '',
      'Inline `ðŸ’¥` is code.',
      '',
      '```',
      'â€™ in a fence',
      '```',
      '',
      '- [Tool](https://example.com/Ã©) - Fine.',
      '',
    ].join('\n');
    expect(checkText(md, rules)).toEqual([]);
  });

  const s002 = seed('002');
  (s002 ? it : it.skip)('seed 002: the heading emoji, the two pointing hands and the ™', () => {
    const findings = checkText(s002!, rules);
    expect(findings.map((f) => `${f.span.start.line}:${f.span.start.column} ${f.suggestion}`)).toEqual([
      '25:5 💥',
      '29:35 👉',
      '31:5 💥',
      '35:35 👉',
      '395:15 ™',
    ]);
    const fixed = fixText(s002!, rules);
    expect(checkText(fixed, rules)).toEqual([]);
    expect(fixed.split('\n')[394]).toBe('- [MITRE ATLAS™ (Adversarial Threat Landscape for Artificial-Intelligence Systems)](https://atlas.mitre.org/)');
  });

  itStaysWithinBoundsOnCorpus(rules, 2);
});
