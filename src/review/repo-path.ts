/** A file path as GitHub names it in a pull request: forward slashes, no leading "./". */
export function repoPath(file: string): string {
  return file.replace(/\\/g, '/').replace(/^(\.\/)+/, '');
}
