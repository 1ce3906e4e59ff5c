/**
 * Pairs start and end tags of one element name by position, as nesting pairs them (each end
 * tag closes the latest start tag still open before it), and returns the ones left over:
 * starts never closed and ends with nothing to close, each list in order. Linear.
 */
export function unpairedTags(starts: readonly number[], ends: readonly number[]): { starts: number[]; ends: number[] } {
  const open: number[] = [];
  const lone: number[] = [];
  let s = 0;
  for (const end of ends) {
    while (s < starts.length && starts[s]! < end) open.push(starts[s++]!);
    if (open.length > 0) open.pop();
    else lone.push(end);
  }
  while (s < starts.length) open.push(starts[s++]!);
  return { starts: open, ends: lone };
}
