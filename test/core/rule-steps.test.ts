import { describe, it, expect } from '@jest/globals';
import { buildDocument } from '../../src/core/parse/build-document.js';
import { ruleSteps, runRules } from '../../src/core/findings/run-rules.js';
import { allRules } from '../../src/core/rules/index.js';
import { resolveConfig } from '../../src/core/config/resolved-config.js';

// The link checker runs the rules while its requests are out, one at a time, letting its
// event loop run in between: ruleSteps must pause between rules and end with exactly the
// findings runRules gives.
const LIST = [
  '# Awesome',
  '',
  '## Tools',
  '',
  '- [Trivy](https://trivy.example/?utm_source=list) - Scans images.',
  '- [Trivy](https://trivy.example/) - Scans images again.',
  '- [Empty]() - Nothing.',
  '',
].join('\n');

describe('ruleSteps', () => {
  for (const part of ['all', 'before-links', 'after-links'] as const) {
    it(`pauses between the rules of part "${part}" and ends with runRules' findings`, () => {
      const config = resolveConfig();
      const doc = buildDocument('README.md', LIST);
      const steps = ruleSteps(doc, { config, part });
      let pauses = 0;
      let step = steps.next();
      while (!step.done) {
        pauses++;
        step = steps.next();
      }
      const inPart = allRules.filter((r) => part === 'all' || (part === 'after-links') === (r.meta.usesLinkFacts === true));
      expect(pauses).toBe(inPart.length - 1);
      expect(step.value).toEqual(runRules(doc, { config, part }));
      if (part === 'before-links') expect(step.value.map((f) => f.ruleId)).toEqual(expect.arrayContaining(['no-tracking-params', 'no-empty-link']));
    });
  }
});
