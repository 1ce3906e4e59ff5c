import { EditMap } from 'micromark-util-edit-map';

/**
 * micromark (remark's tokenizer) batches changes to its event list in an `EditMap`. Its
 * `consume` copies the WHOLE list on every batch, even when every change sits at its end, and
 * the document tokenizer makes such a batch each time a list or block quote closes. A list with
 * thousands of short lists (a generated list's `<details>` projects, each holding a few
 * `- [GitHub](…)` items, or a section per tool) therefore parses in time that grows with the
 * square of its length: 4,000 of them took 23 s.
 *
 * `consume` below gives the same list (a test compares both on random changes, and the corpus
 * parses to the same trees) but leaves the part before the first change in place, so each batch
 * costs only what it changes. Installed once, when the parser is first loaded.
 */
type Event = unknown;
type Change = [number, number, Event[]];
interface EditMapFields {
  map: Change[];
  /** Changes by index (micromark-util-edit-map 1.x keeps one). */
  index?: Map<number, Change>;
}

export function consumeFromFirstChange(this: EditMapFields, events: Event[]): undefined {
  const map = this.map;
  map.sort((a, b) => a[0] - b[0]);
  if (map.length === 0) return undefined;
  const first = map[0]![0];
  const rebuilt: Event[] = [];
  for (let i = 0; i < map.length; i++) {
    const [at, remove, add] = map[i]!;
    const end = i + 1 < map.length ? map[i + 1]![0] : events.length;
    for (const event of add) rebuilt.push(event);
    for (let j = at + remove; j < end; j++) rebuilt.push(events[j]);
  }
  events.length = first;
  for (const event of rebuilt) events.push(event);
  map.length = 0;
  this.index?.clear();
  return undefined;
}

/** micromark's own `consume`, kept for the equivalence test. */
export const originalConsume = EditMap.prototype.consume;

let installed = false;

/**
 * Puts {@link consumeFromFirstChange} in place of micromark's `consume` (idempotent). Only when
 * the edit map is the one this was written for (its changes in `map` as [index, remove, add]);
 * a different one is left as it is: slower on some lists, never wrong.
 */
export function installLinearEditMap(): boolean {
  if (installed) return true;
  const known = Array.isArray((new EditMap() as unknown as Partial<EditMapFields>).map) && typeof EditMap.prototype.consume === 'function';
  if (!known) return false;
  installed = true;
  (EditMap.prototype as unknown as { consume: typeof consumeFromFirstChange }).consume = consumeFromFirstChange;
  return true;
}
