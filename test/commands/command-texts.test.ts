import { describe, it, expect } from '@jest/globals';
import { readdirSync } from 'node:fs';
import { explainText } from '../../src/commands/explain-text.js';
import { helpText, unknownCommandText } from '../../src/commands/help-text.js';
import { addIgnore, badIgnoreText, configSnippet, ignoreTarget, noReportText } from '../../src/commands/ignore-target.js';
import { KNOWN_RULES } from '../../src/commands/known-rules.js';
import { parseCommand } from '../../src/commands/parse-command.js';
import { isReplyTo, replyBody } from '../../src/commands/reply-marker.js';
import { refusalText } from '../../src/commands/reply-texts.js';
import { MENTION, renderGfm } from '../review/helpers/rendered-markdown.js';
import { parse as parseYaml } from 'yaml';
import { configSchema } from '../../src/core/config/config-file-schema.js';
import { ruleDocUrl } from '../../src/core/format/rule-docs.js';
import { emptyMemory } from '../../src/report/report-memory.js';

/**
 * Findings documented beside the rules that are not rules: `unreadable-input` says a file could
 * not be read at all. No command turns it off or ignores it (a file is left out with
 * `ignore.files`), so commands do not name it.
 */
const NOT_RULES = new Set(['unreadable-input']);
const DOCUMENTED = readdirSync(new URL('../../docs/rules/', import.meta.url))
  .map((f) => f.replace(/\.md$/, ''))
  .filter((id) => !NOT_RULES.has(id))
  .sort();

describe('the rules a command can name', () => {
  it('are exactly the documented rules, static and link ones', () => {
    expect(KNOWN_RULES.map((r) => r.id).sort()).toEqual(DOCUMENTED);
  });
});

describe('help', () => {
  it('lists every command, one line each, and starts with no command itself', () => {
    const text = helpText();
    for (const verb of ['recheck', 'fix', 'ignore <url|rule-id>', 'explain <rule-id>', 'help']) {
      expect(text.split('\n').filter((l) => l.startsWith(`- \`/listwarden ${verb}\``))).toHaveLength(1);
    }
    expect(parseCommand(text)).toBeUndefined();
  });

  it('says a verb is unknown before the help', () => {
    const text = unknownCommandText('frobnicate');
    expect(text.split('\n')[0]).toMatch(/^Unknown command `\/listwarden frobnicate` — /);
    expect(text).toContain('`/listwarden explain <rule-id>`');
  });
});

describe('explain', () => {
  it('gives the description, default severity, fixability and docs link of every rule', () => {
    for (const rule of KNOWN_RULES) {
      const { text, known } = explainText(rule.id.toUpperCase());
      expect(known).toBe(true);
      expect(text).toContain(`\`${rule.id}\``);
      expect(text).toContain(rule.description);
      expect(text).toContain(`default severity: ${rule.defaultSeverity}`);
      expect(text).toContain(`fixable: ${rule.fixable ? 'yes' : 'no'}`);
      expect(text).toContain(ruleDocUrl(rule.id));
    }
  });

  it('lists the real rule ids for an unknown or missing id', () => {
    for (const arg of ['no-such-rule', undefined]) {
      const { text, known } = explainText(arg);
      expect(known).toBe(false);
      for (const id of DOCUMENTED) expect(text).toContain(`\`${id}\``);
    }
    expect(explainText('no-such-rule').text).toMatch(/^There is no rule `no-such-rule` — /);
  });
});

describe('ignore', () => {
  it('accepts http(s) URLs and known rule ids, nothing else', () => {
    expect(ignoreTarget('https://example.com/a?b=1')).toEqual({ kind: 'url', url: 'https://example.com/a?b=1' });
    expect(ignoreTarget('HTTP://example.com')).toEqual({ kind: 'url', url: 'HTTP://example.com' });
    expect(ignoreTarget('No-Redirect')).toEqual({ kind: 'rule', ruleId: 'no-redirect' });
    for (const bad of ['ftp://example.com', 'example.com', 'no-such-rule', 'https://', 'javascript:alert(1)', undefined]) expect(ignoreTarget(bad)).toBeUndefined();
  });

  it('adds to the memory once', () => {
    const first = addIgnore(emptyMemory(), { kind: 'url', url: 'https://a.example/' });
    expect(first).toEqual({ added: true, memory: { ...emptyMemory(), ignoredUrls: ['https://a.example/'] } });
    expect(addIgnore(first.memory, { kind: 'url', url: 'https://a.example/' }).added).toBe(false);
    expect(addIgnore(first.memory, { kind: 'rule', ruleId: 'no-dead-link' }).memory.ignoredRules).toEqual(['no-dead-link']);
  });

  it('offers a config snippet that the config schema accepts and that means the same', () => {
    const url = 'https://example.com/a "quoted" path?x=1#frag';
    const yamlOf = (snippet: string) => parseYaml(snippet.replace(/^```yaml\n|\n```$/g, '')) as unknown;
    const forUrl = yamlOf(configSnippet({ kind: 'url', url }));
    expect(configSchema.parse(forUrl)).toEqual({ ignore: { urls: [url] } });
    const forRule = yamlOf(configSnippet({ kind: 'rule', ruleId: 'no-archived-repo' }));
    expect(configSchema.parse(forRule)).toEqual({ rules: { 'no-archived-repo': 'off' } });
    expect(noReportText({ kind: 'rule', ruleId: 'no-archived-repo' })).toContain('.github/listwarden.yml');
  });

  it('says what is accepted when the argument is neither', () => {
    const text = badIgnoreText('whatever');
    expect(text).toMatch(/^`whatever` is neither an http\(s\) link nor a rule id — /);
    expect(text).toContain('`no-dead-link`');
    expect(badIgnoreText(undefined)).toMatch(/^Name what to ignore — /);
  });
});

describe('reply marker', () => {
  it('ties a reply to exactly one comment id', () => {
    const body = replyBody('done', 12);
    expect(body).toBe('done\n\n<!-- listwarden:reply-to=12 -->');
    expect(isReplyTo(body, 12)).toBe(true);
    expect(isReplyTo(body, 1)).toBe(false);
    expect(isReplyTo(replyBody('done', 123), 12)).toBe(false);
  });
});

describe('echoed command text', () => {
  it('cannot leave its code span: backticks are stripped, nothing mentions or renders as HTML', () => {
    for (const text of [
      refusalText('rita', '/listwarden ignore x`@octocat`<b>hi</b>'),
      unknownCommandText('deploy`@octocat'),
      explainText('a``@octocat`<img>').text,
      badIgnoreText('`@octocat`` <b>x</b>'),
    ]) {
      const rendered = renderGfm(text);
      expect(rendered.text.replace(/^@rita/, '')).not.toMatch(MENTION);
      expect(rendered.tags.filter((t) => !['p', 'code', 'ul', 'li', 'strong'].includes(t))).toEqual([]);
      expect(rendered.code).toContain('@octocat');
    }
  });

  it('a URL with a backtick fence in it cannot end the YAML block of the config snippet, and YAML reads it back', () => {
    const url = 'https://a.example/```\n@octocat';
    const snippet = configSnippet({ kind: 'url', url });
    expect(snippet.split('\n').filter((l) => l.startsWith('```'))).toEqual(['```yaml', '```']);
    expect(parseYaml(snippet.replace(/^```yaml\n|\n```$/g, ''))).toEqual({ ignore: { urls: [url] } });
  });
});
