import { describe, it, expect } from '@jest/globals';
import { parseConfigText, ConfigError } from '../../src/use-cases/config-file.js';
import { defaultStyle } from '../../src/core/style/style-settings.js';

describe('style config', () => {
  it('defaults every convention to auto and maintenance.style to false', () => {
    const config = parseConfigText('listwarden.yml', 'rules: {}\n');
    expect(config.style).toEqual(defaultStyle);
    expect(config.maintenance.style).toBe(false);
  });
  it('forces or turns off conventions', () => {
    const config = parseConfigText('listwarden.yml', 'style:\n  order: alphabetical\n  separator: " — "\n  bullet: off\nmaintenance:\n  style: true\n');
    expect(config.style).toMatchObject({ order: 'alphabetical', separator: ' — ', bullet: 'off', finalPunctuation: 'auto' });
    expect(config.maintenance.style).toBe(true);
  });
  it('rejects an unknown value with the key and the allowed values', () => {
    expect(() => parseConfigText('listwarden.yml', 'style:\n  order: sideways\n')).toThrow(ConfigError);
    expect(() => parseConfigText('listwarden.yml', 'style:\n  order: sideways\n')).toThrow(/listwarden\.yml: "style\.order": .*alphabetical/);
  });
  it('rejects an unknown style key and names the known ones', () => {
    expect(() => parseConfigText('listwarden.yml', 'style:\n  colour: blue\n')).toThrow(/unknown key "colour" in "style" — expected one of: .*style \(order, separator/);
  });
  it('the new rules can be configured by id', () => {
    const config = parseConfigText('listwarden.yml', 'rules:\n  entry-order: error\n  toc-in-sync: off\n');
    expect(config.rules).toEqual({ 'entry-order': 'error', 'toc-in-sync': 'off' });
  });
});
