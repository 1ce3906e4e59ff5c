/**
 * Matches a URL against ignore patterns: `/regex/` or a glob where `*` stands for any text.
 * A glob without `*` matches the URL and everything below it (`https://x.com/a` ignores `https://x.com/a/b`).
 */
export function compileUrlPatterns(patterns: string[]): (url: string) => boolean {
  const tests = patterns.map((pattern) => {
    if (pattern.length > 2 && pattern.startsWith('/') && pattern.endsWith('/')) {
      const re = new RegExp(pattern.slice(1, -1));
      return (url: string) => re.test(url);
    }
    const escaped = pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*');
    const re = pattern.includes('*') ? new RegExp(`^${escaped}$`) : new RegExp(`^${escaped}(?:[/?#].*)?$`);
    return (url: string) => re.test(url) || re.test(url.replace(/\/$/, ''));
  });
  return (url) => tests.some((t) => t(url));
}
