import type { Link, ListDocument } from '../core/model/types.js';

/** A place a URL is used: the file and the link. */
export interface LinkPlace {
  file: string;
  link: Link;
}

export interface CollectedUrls {
  /** Request URL (fragment removed) → every place that uses it. Each is requested once per run. */
  http: Map<string, LinkPlace[]>;
  /** Relative links to files of the repository (`docs/guide.md`, `hello.jpg`). */
  local: Map<string, LinkPlace[]>;
}

/** The URL to request: scheme and host as URL parsing gives them, the fragment dropped. */
export function requestUrl(url: string): string | undefined {
  const trimmed = url.trim();
  if (!/^https?:\/\//i.test(trimmed)) return undefined;
  try {
    const parsed = new URL(trimmed);
    parsed.hash = '';
    return parsed.href;
  } catch {
    return undefined;
  }
}

/** A relative link to a file (not an anchor, not a scheme, not protocol-relative). */
function localPath(url: string): string | undefined {
  const trimmed = url.trim();
  if (trimmed === '' || trimmed.startsWith('#') || trimmed.startsWith('//') || /^[a-z][a-z0-9+.-]*:/i.test(trimmed)) return undefined;
  const path = trimmed.split('#')[0]!.split('?')[0]!;
  if (path === '') return undefined;
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

/** Groups the links of the documents by the URL a checker must request. */
export function collectUrls(
  docs: ListDocument[],
  ignored: (url: string) => boolean = () => false,
  selected: (file: string, link: Link) => boolean = () => true,
): CollectedUrls {
  const http = new Map<string, LinkPlace[]>();
  const local = new Map<string, LinkPlace[]>();
  for (const doc of docs) {
    for (const link of doc.links) {
      if (ignored(link.url) || !selected(doc.path, link)) continue;
      const remote = requestUrl(link.url);
      const key = remote ?? localPath(link.url);
      if (key === undefined) continue;
      const target = remote ? http : local;
      const places = target.get(key) ?? [];
      places.push({ file: doc.path, link });
      target.set(key, places);
    }
  }
  return { http, local };
}
