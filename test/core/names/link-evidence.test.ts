import { describe, it, expect } from '@jest/globals';
import { linkEvidence } from '../../../src/core/names/link-evidence.js';

const names = (url: string): string[] => linkEvidence(url).evidence.map((e) => `${e.kind}:${e.text}`);

describe('linkEvidence', () => {
  it.each([
    ['https://github.com/globocom/huskyci', ['owner:globocom', 'repo:huskyci']],
    ['https://github.com/algolia/sup3rS3cretMes5age/tree/main', ['owner:algolia', 'repo:sup3rS3cretMes5age']],
    ['https://gitlab.com/group/sub/project/-/tree/main', ['owner:group', 'repo:project']],
    ['https://codeberg.org/stv0g/gose', ['owner:stv0g', 'repo:gose']],
    ['https://bitbucket.org/team/thing.git', ['owner:team', 'repo:thing']],
    ['https://sourceforge.net/projects/keepass/', ['package:keepass']],
    ['https://www.npmjs.com/package/@scope/left-pad', ['package:left-pad']],
    ['https://pypi.org/project/requests/', ['package:requests']],
    ['https://crates.io/crates/serde', ['package:serde']],
    ['https://hub.docker.com/r/grafana/loki', ['package:loki']],
    ['https://hub.docker.com/_/postgres', ['package:postgres']],
    ['https://pkg.go.dev/github.com/spf13/cobra', ['package:cobra']],
    ['https://rubygems.org/gems/rails', ['package:rails']],
    ['https://mvnrepository.com/artifact/com.google.guava/guava', ['package:guava']],
    ['https://packagist.org/packages/laravel/framework', ['package:framework']],
    ['https://www.nuget.org/packages/Newtonsoft.Json', ['package:Newtonsoft.Json']],
    ['https://formulae.brew.sh/cask/iterm2', ['package:iterm2']],
    ['https://marketplace.visualstudio.com/items?itemName=ms-python.python', ['package:python']],
    ['https://chrome.google.com/webstore/detail/responsive-viewer/inmopeiep', ['package:responsive-viewer']],
    ['https://addons.mozilla.org/en-US/firefox/addon/react-devtools/', ['package:react-devtools']],
    ['https://apps.apple.com/app/svgsus/id1106867065', ['package:svgsus']],
    ['https://www.highcharts.com/', ['site:highcharts']],
    ['https://michalsnik.github.io/aos/', ['repo:aos', 'owner:michalsnik']],
    ['https://requests.readthedocs.io/en/latest/', ['site:requests']],
    ['https://www.bbc.co.uk/news', ['site:bbc']],
  ])('%s → %j', (url, expected) => {
    expect(names(url)).toEqual(expected);
  });

  it('gives nothing for app-store ids, a code host’s own pages, docs repositories and non-web links', () => {
    expect(names('https://apps.apple.com/app/id6748314346')).toEqual([]);
    expect(names('https://github.com/topics/security')).toEqual([]);
    expect(names('https://github.com/someone/awesome-things')).toEqual(['owner:someone']);
    expect(names('mailto:a@b.c')).toEqual([]);
    expect(names('#section')).toEqual([]);
  });

  it('calls a link a home page only without path and sub-domain', () => {
    expect(linkEvidence('https://www.zenml.io/').root).toBe(true);
    expect(linkEvidence('https://zenml.io').root).toBe(true);
    expect(linkEvidence('https://podcast.zenml.io/').root).toBe(false);
    expect(linkEvidence('https://zenml.io/blog').root).toBe(false);
  });
});
