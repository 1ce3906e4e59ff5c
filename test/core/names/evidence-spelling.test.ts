import { describe, it, expect } from '@jest/globals';
import { evidenceSpellingVerdict, nameRelatesTo, respell, type EvidenceName } from '../../../src/core/names/judge-name.js';
import { normalizeName } from '../../../src/core/names/tool-registry.js';

const repo = (text: string): EvidenceName => ({ text, where: 'its repository name', strong: true });
const site = (text: string): EvidenceName => ({ text, where: 'its site name', strong: false });
const described = (text: string): EvidenceName => ({ text, where: 'its description', strong: true });

describe('evidenceSpellingVerdict', () => {
  it.each([
    ['HusckyCI', 'https://github.com/globocom/huskyci', [repo('huskyci')], 'HuskyCI', true],
    ['highcarts', 'https://www.highcharts.com/', [site('highcharts')], 'highcharts', false],
    ['Patterfly', 'https://www.patternfly.org/', [site('patternfly'), described('PatternFly')], 'PatternFly', true],
    ['administrative-divisons-db', 'https://github.com/k/administrative-divisions-db', [repo('administrative-divisions-db')], 'administrative-divisions-db', true],
    ['Metaphorsum', 'http://metaphorpsum.com/', [site('metaphorpsum')], 'Metaphorpsum', false],
    ['Kuberentes', 'https://github.com/kubernetes/kubernetes', [repo('kubernetes')], 'Kubernetes', true],
    ['Gitleakks', 'https://github.com/gitleaks/gitleaks', [repo('gitleaks')], 'Gitleaks', true],
    ['Fiddleer', 'https://www.fiddler.ai/', [site('fiddler')], 'Fiddler', false],
    ['NNudge', 'https://nudge.app/', [site('nudge')], 'Nudge', false],
  ])('%s on %s → %s (certain: %s)', (name, url, evidence, corrected, certain) => {
    const v = evidenceSpellingVerdict(name, url, evidence);
    expect(v?.corrected).toBe(corrected);
    expect(v?.certain).toBe(certain);
  });

  it('names where the spelling comes from', () => {
    expect(evidenceSpellingVerdict('HusckyCI', 'https://github.com/globocom/huskyci', [repo('huskyci')])?.reason).toBe(
      '"HusckyCI" looks like a misspelling of "HuskyCI", as its repository name spells it',
    );
  });

  it.each([
    ['Sup3rS3cretMes5age', 'https://github.com/algolia/sup3rS3cretMes5age', [repo('sup3rS3cretMes5age')]],
    ['GoSƐ', 'https://codeberg.org/stv0g/gose', [repo('gose')]],
    ['µStreamer', 'https://github.com/pikvm/ustreamer', [repo('ustreamer')]],
    ['Pønskelisten', 'https://github.com/x/poenskelisten', [repo('poenskelisten')]],
    ['tumblr', 'https://github.com/x/gumblr', [repo('gumblr')]],
    ['go-type', 'https://github.com/x/go-types', [repo('go-types')]],
    ['CleanShot', 'https://cleanshotx.com/', [site('cleanshotx')]],
    ['moment', 'https://momentjs.com/', [site('momentjs')]],
    ['Whiteboard', 'https://witeboard.com/', [site('witeboard')]],
    ['Logo Maker', 'https://logomakr.com/', [site('logomakr')]],
    ['Huskyci', 'https://github.com/globocom/huskyci', [repo('huskyci')]],
  ])('%s on %s is no slip', (name, url, evidence) => {
    expect(evidenceSpellingVerdict(name, url, evidence)).toBeUndefined();
  });

  it('is never sure when the evidence disagrees, and says nothing when some of it spells the name', () => {
    expect(evidenceSpellingVerdict('Markestack', 'https://x.dev', [repo('marketstack'), repo('markerstack')])).toBeUndefined();
    expect(evidenceSpellingVerdict('Metaphorsum', 'https://x.com', [repo('metaphorpsum'), described('Metaphorsum')])).toBeUndefined();
  });

  it('needs four letters for one slip and seven for two', () => {
    expect(evidenceSpellingVerdict('Abc', 'https://x.dev', [repo('acb')])).toBeUndefined();
    expect(evidenceSpellingVerdict('Abdc', 'https://x.dev', [repo('abcd')])?.corrected).toBe('Abcd');
    expect(evidenceSpellingVerdict('Abcde', 'https://x.dev', [repo('abcdef')])?.corrected).toBe('Abcdef'); // a dropped last letter
    expect(evidenceSpellingVerdict('Abcde', 'https://x.dev', [repo('abcdes')])).toBeUndefined(); // a plural
    expect(evidenceSpellingVerdict('Abdce', 'https://x.dev', [repo('abcde')])?.corrected).toBe('Abcde');
    expect(evidenceSpellingVerdict('Abdcef', 'https://x.dev', [repo('abcdfe')])).toBeUndefined(); // two slips in six letters
    expect(evidenceSpellingVerdict('Abdcefg', 'https://x.dev', [repo('abcdefg')])?.corrected).toBe('Abcdefg');
    expect(evidenceSpellingVerdict('Abdcefh', 'https://x.dev', [repo('abcdfeg')])).toBeUndefined(); // three slips
  });
});

describe('respell', () => {
  it.each([
    ['HusckyCI', 'huskyci', 'HuskyCI'],
    ['highcarts', 'highcharts', 'highcharts'],
    ['Kuberentes', 'kubernetes', 'Kubernetes'],
    ['Metaphorsum', 'metaphorpsum', 'Metaphorpsum'],
    ['Patterfly', 'PatternFly', 'PatternFly'],
    ['GITLEAK', 'gitleaks', 'GITLEAKS'],
  ])('%s + %s → %s', (written, target, expected) => {
    expect(respell(written, target)).toBe(expected);
  });
});

describe('names as written', () => {
  it('folds stylised letters and keeps digits', () => {
    expect(normalizeName('GoSƐ')).toBe('gose');
    expect(normalizeName('µTask')).toBe('utask');
    expect(normalizeName('Sup3rS3cretMes5age')).toBe('sup3rs3cretmes5age');
  });

  it('relate to their link by folded letters, words or acronyms', () => {
    expect(nameRelatesTo('Sup3rS3cretMes5age', ['algolia', 'sup3rS3cretMes5age'])).toBe(true);
    expect(nameRelatesTo('GoSƐ', ['stv0g', 'gose'])).toBe(true);
    expect(nameRelatesTo('Animate On Scroll', ['aos'])).toBe(true);
    expect(nameRelatesTo('sq', ['go-structured-query'])).toBe(true);
    expect(nameRelatesTo('CyTube', ['calzoneman', 'sync'])).toBe(false);
  });

  it('never relate by the language or platform part alone (`.js`, `go-`): that names the ecosystem, not the tool', () => {
    expect(nameRelatesTo('Inquirer.js', ['debug-js', 'debug', 'js'])).toBe(false);
    expect(nameRelatesTo('go-rquad', ['hbollon', 'go-edlib', 'go', 'edlib'])).toBe(false);
    expect(nameRelatesTo('html2pdf.js', ['kute.js', 'thednp', 'kute', 'js'])).toBe(false);
    // The rest of the name still relates, and a name that is only the ecosystem is itself.
    expect(nameRelatesTo('Inquirer.js', ['SBoudrias', 'Inquirer.js', 'inquirer', 'js'])).toBe(true);
    expect(nameRelatesTo('go-edlib', ['hbollon', 'go-edlib', 'go', 'edlib'])).toBe(true);
    expect(nameRelatesTo('Go', ['golang', 'go'])).toBe(true);
    expect(nameRelatesTo('Node.js', ['nodejs', 'node'])).toBe(true);
  });
});
