import { createHash } from 'node:crypto';
import { blobSha } from './stand-in-json.js';

/**
 * The git objects of one repository of the stand-in: commits (each with its whole tree as
 * path → text), trees by sha (what POST git/trees makes and git/commits points at), blobs
 * by sha, and refs (`refs/heads/main` → sha). Revisions resolve as GitHub resolves them:
 * a full sha, a unique abbreviated one (7+), a full ref, a branch, a tag.
 */

export interface StandInCommit {
  sha: string;
  message: string;
  parents: string[];
  /** Every file of the commit: path → text. */
  files: Map<string, string>;
  treeSha: string;
  /** GitHub logins of the author and committer; null when no account matches their emails. */
  author: string | null;
  committer: string | null;
  date: string;
}

export interface NewStandInCommit {
  message: string;
  parents: string[];
  files: Map<string, string>;
  author: string | null;
  committer?: string | null;
  date: string;
  /** A sha of the test's choosing (fabricated commits such as 'a'.repeat(40)); else git's own. */
  sha?: string;
}

export interface TreeEntry {
  path: string;
  mode: '100644' | '040000';
  type: 'blob' | 'tree';
  sha: string;
  size?: number;
}

const sha1 = (text: string) => createHash('sha1').update(text).digest('hex');
export const isFullSha = (text: string) => /^[0-9a-f]{40}$/.test(text);

export class StandInGit {
  readonly commits = new Map<string, StandInCommit>();
  /** Tree sha → its files. */
  readonly trees = new Map<string, Map<string, string>>();
  /** Blob sha → text. */
  readonly blobs = new Map<string, string>();
  /** Full ref (`refs/heads/main`, `refs/listwarden/lease-report`) → commit sha. */
  readonly refs = new Map<string, string>();

  /** Stores a tree (and its blobs) and returns its sha, git's way: same files, same sha. */
  storeTree(files: ReadonlyMap<string, string>): string {
    const entries = [...files].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([path, text]) => {
      const blob = blobSha(text);
      this.blobs.set(blob, text);
      return `${path}\0${blob}`;
    });
    const sha = sha1(`tree\n${entries.join('\n')}`);
    if (!this.trees.has(sha)) this.trees.set(sha, new Map(files));
    return sha;
  }

  addCommit(commit: NewStandInCommit): StandInCommit {
    const treeSha = this.storeTree(commit.files);
    const committer = commit.committer === undefined ? commit.author : commit.committer;
    const sha =
      commit.sha ??
      sha1(['commit', `tree ${treeSha}`, ...commit.parents.map((p) => `parent ${p}`), `author ${commit.author} ${commit.date}`, `committer ${committer} ${commit.date}`, '', commit.message].join('\n'));
    const stored: StandInCommit = { sha, message: commit.message, parents: [...commit.parents], files: new Map(commit.files), treeSha, author: commit.author, committer, date: commit.date };
    this.commits.set(sha, stored);
    return stored;
  }

  /** Changes a file of a commit in place (for fabricated commits a test keeps filling). */
  amend(commit: StandInCommit, path: string, text: string | null): void {
    if (text === null) commit.files.delete(path);
    else commit.files.set(path, text);
    commit.treeSha = this.storeTree(commit.files);
  }

  /** The full ref a name stands for: itself when it is one, else the branch, else the tag. */
  fullRef(name: string): string | undefined {
    if (name.startsWith('refs/')) return this.refs.has(name) ? name : undefined;
    return [`refs/heads/${name}`, `refs/tags/${name}`].find((ref) => this.refs.has(ref));
  }

  /** The commit a revision names, or undefined. */
  resolve(revision: string): StandInCommit | undefined {
    const exact = this.commits.get(revision);
    if (exact) return exact;
    const ref = this.fullRef(revision);
    if (ref !== undefined) return this.commits.get(this.refs.get(ref) ?? '');
    if (/^[0-9a-f]{7,39}$/.test(revision)) {
      const matches = [...this.commits.keys()].filter((sha) => sha.startsWith(revision));
      if (matches.length === 1) return this.commits.get(matches[0] ?? '');
    }
    return undefined;
  }

  /** The files of a tree sha, or of the commit a revision names. */
  treeOf(revision: string): { sha: string; files: Map<string, string> } | undefined {
    const tree = this.trees.get(revision);
    if (tree) return { sha: revision, files: tree };
    const commit = this.resolve(revision);
    return commit ? { sha: commit.treeSha, files: commit.files } : undefined;
  }

  /** A commit and every commit it descends from. */
  ancestry(sha: string): Set<string> {
    const seen = new Set<string>();
    const todo = [sha];
    while (todo.length > 0) {
      const next = todo.pop() as string;
      if (seen.has(next)) continue;
      seen.add(next);
      todo.push(...(this.commits.get(next)?.parents ?? []));
    }
    return seen;
  }

  /** Whether `ancestor` is `descendant` or one of its ancestors (a fast forward from it). */
  isAncestor(ancestor: string, descendant: string): boolean {
    return this.ancestry(descendant).has(ancestor);
  }

  /** The newest common ancestor of two commits (the first found walking back from `b`). */
  mergeBase(a: string, b: string): string | undefined {
    const ofA = this.ancestry(a);
    const queue = [b];
    const seen = new Set<string>();
    while (queue.length > 0) {
      const next = queue.shift() as string;
      if (ofA.has(next)) return next;
      if (seen.has(next)) continue;
      seen.add(next);
      queue.push(...(this.commits.get(next)?.parents ?? []));
    }
    return undefined;
  }

  /** Commits reachable from `head` and not from `base`, parents before children (oldest first). */
  between(base: string, head: string): StandInCommit[] {
    const excluded = this.ancestry(base);
    const ordered: StandInCommit[] = [];
    const visited = new Set<string>();
    const visit = (sha: string) => {
      if (visited.has(sha) || excluded.has(sha)) return;
      visited.add(sha);
      const commit = this.commits.get(sha);
      if (!commit) return;
      for (const parent of commit.parents) visit(parent);
      ordered.push(commit);
    };
    visit(head);
    return ordered;
  }

  /** A tree's entries as git lists them: directories as `tree` entries; only the top level unless recursive. */
  treeEntries(files: ReadonlyMap<string, string>, recursive: boolean): TreeEntry[] {
    const entries = new Map<string, TreeEntry>();
    for (const [path, text] of files) {
      const parts = path.split('/');
      for (let depth = 1; depth < parts.length; depth++) {
        const dir = parts.slice(0, depth).join('/');
        if (!entries.has(dir)) {
          const inside = new Map([...files].filter(([p]) => p.startsWith(`${dir}/`)).map(([p, t]) => [p.slice(dir.length + 1), t]));
          entries.set(dir, { path: dir, mode: '040000', type: 'tree', sha: this.storeTree(inside) });
        }
      }
      entries.set(path, { path, mode: '100644', type: 'blob', sha: blobSha(text), size: Buffer.byteLength(text) });
    }
    const all = [...entries.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    return recursive ? all : all.filter((entry) => !entry.path.includes('/'));
  }

  /** Files of a three-way merge: each path as the head has it where the head changed it, else as the base has it. */
  static merge(ancestor: ReadonlyMap<string, string>, base: ReadonlyMap<string, string>, head: ReadonlyMap<string, string>): Map<string, string> {
    const merged = new Map(base);
    for (const path of new Set([...ancestor.keys(), ...head.keys()])) {
      if (ancestor.get(path) === head.get(path)) continue;
      const text = head.get(path);
      if (text === undefined) merged.delete(path);
      else merged.set(path, text);
    }
    return merged;
  }
}
