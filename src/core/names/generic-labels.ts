/**
 * Link texts that label a link of an entry rather than name a tool: "GitHub", "PyPI",
 * "Docs", "Demo", "Paper", "Chrome"… An entry under such a name is judged by no name rule.
 * Pure code: no I/O.
 */
import { entryNameKeys } from './entry-name-key.js';
import { normalizeName } from './tool-registry.js';

const LABELS = new Set(
  [
    'website', 'site', 'web', 'webpage', 'web page', 'web site', 'homepage', 'home', 'home page', 'official site', 'official website', 'official', 'landing page',
    'docs', 'doc', 'documentation', 'manual', 'reference', 'api', 'api reference', 'api docs', 'readme', 'wiki', 'faq', 'spec', 'specification', 'handbook',
    'github', 'gitlab', 'bitbucket', 'codeberg', 'sourceforge', 'gitee', 'sourcehut', 'repo', 'repository', 'source', 'source code', 'src', 'code', 'git', 'gist',
    'paper', 'papers', 'pdf', 'arxiv', 'preprint', 'abstract', 'publication', 'citation', 'bibtex', 'poster',
    'link', 'links', 'here', 'click here', 'this', 'this link', 'more', 'read more', 'learn more', 'details', 'info', 'see', 'view', 'open',
    'demo', 'live demo', 'online demo', 'try it', 'try it online', 'playground', 'example', 'examples', 'sample', 'samples', 'preview', 'screenshot', 'screenshots',
    'video', 'videos', 'youtube', 'vimeo', 'slides', 'slide', 'talk', 'presentation', 'recording', 'webinar', 'podcast', 'episode',
    'blog', 'blog post', 'post', 'article', 'tutorial', 'guide', 'book', 'course', 'notes', 'lecture', 'cheatsheet', 'cheat sheet',
    'download', 'downloads', 'install', 'installation', 'installer', 'release', 'releases', 'changelog', 'license', 'package', 'packages', 'binary', 'binaries',
    'npm', 'pypi', 'pip', 'conda', 'conda forge', 'crates.io', 'crate', 'crates', 'docker', 'docker hub', 'dockerhub', 'docker image', 'helm', 'helm chart',
    'rubygems', 'gem', 'maven', 'maven central', 'packagist', 'nuget', 'homebrew', 'brew', 'snap', 'snapcraft', 'flatpak', 'flathub', 'aur', 'apt', 'winget', 'scoop', 'chocolatey',
    'marketplace', 'vs code', 'vscode', 'vs code marketplace', 'app store', 'mac app store', 'play store', 'google play', 'f-droid', 'fdroid', 'setapp',
    'chrome', 'chrome web store', 'chrome extension', 'firefox', 'firefox add-on', 'firefox addon', 'edge', 'safari', 'opera', 'brave',
    'android', 'ios', 'iphone', 'ipad', 'mac', 'macos', 'windows', 'linux', 'web app', 'desktop', 'mobile', 'cli', 'sdk', 'plugin', 'extension', 'add-on', 'addon',
    'twitter', 'x', 'mastodon', 'bluesky', 'medium', 'discord', 'slack', 'telegram', 'reddit', 'facebook', 'instagram', 'linkedin', 'twitch',
    'forum', 'community', 'mailing list', 'newsletter', 'chat', 'gitter', 'matrix', 'irc',
    'dataset', 'data', 'model', 'models', 'weights', 'checkpoint', 'notebook', 'colab', 'kaggle', 'hugging face', 'huggingface',
    'project', 'project page', 'overview', 'introduction', 'intro', 'announcement', 'press release', 'report', 'whitepaper',
    'english', 'chinese', 'translation', 'mirror', 'archive', 'web archive', 'back to top', 'top', 'contents', 'table of contents',
    'free', 'open source', 'oss', 'pro', 'premium', 'paid', 'trial', 'freemium', 'source available', 'commercial',
    // Category words that name a sub-list rather than a thing ("- [Tutorials](…)" under several topics).
    'learning', 'resources', 'tips', 'tricks', 'tips and tricks', 'tools', 'talks', 'must watch talks', 'courses', 'tutorials',
    'books', 'articles', 'videos', 'papers', 'news', 'jobs', 'events', 'conferences', 'meetups', 'podcasts', 'projects',
    'libraries', 'frameworks', 'plugins', 'extensions', 'apps', 'applications', 'games', 'datasets', 'awesome', 'awesome list',
    'list', 'lists', 'other', 'others', 'misc', 'miscellaneous', 'general', 'getting started', 'basics', 'advanced',
  ].map((label) => normalizeName(label)),
);

/** Whether a link text labels a link ("GitHub", "PyPi", "Live Demo", "Source (GitHub)") rather than names a tool. */
export function isGenericLabel(text: string): boolean {
  const folded = normalizeName(text);
  if (folded === '') return true;
  if (LABELS.has(folded)) return true;
  // A parenthesised aside ("Source (GitHub)") is the only way the other forms differ.
  return /[([]/.test(text) && entryNameKeys(text).some((key) => LABELS.has(key));
}
