import picomatch from 'picomatch';

/** Whether a path (forward slashes, relative to the repository) matches one of the globs. */
export function matchesAnyGlob(path: string, globs: string[]): boolean {
  if (globs.length === 0) return false;
  const normalized = path.replace(/\\/g, '/').replace(/^\.\//, '');
  return globs.some((glob) => picomatch.isMatch(normalized, glob, { dot: true }));
}
