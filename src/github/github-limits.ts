import type { Annotation, CheckRunInput, CheckRunOutput } from './port.js';

/**
 * GitHub's request limits that the adapter keeps for its callers: at most 50 annotations
 * per check-run request (more go in follow-up updates, which GitHub appends), 65,535
 * characters of check-run summary and text, 65,536 of a comment body.
 */

export const ANNOTATIONS_PER_REQUEST = 50;
export const MAX_CHECK_TEXT = 65535;
export const MAX_COMMENT_BODY = 65536;

const CLIPPED = '\n\n… (cut to fit GitHub’s limit)';

/** The text cut to at most `max` UTF-16 units (never inside a surrogate pair), with a note when cut. */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = max - CLIPPED.length;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end -= 1;
  return text.slice(0, end) + CLIPPED;
}

function clipOutput(output: CheckRunOutput, annotations: Annotation[] | undefined): CheckRunOutput {
  return {
    title: output.title,
    summary: clip(output.summary, MAX_CHECK_TEXT),
    ...(output.text !== undefined ? { text: clip(output.text, MAX_CHECK_TEXT) } : {}),
    ...(annotations && annotations.length > 0 ? { annotations } : {}),
  };
}

/** A check-run request body (create or update), in GitHub's field names. */
export interface CheckRunBody {
  name?: string;
  head_sha?: string;
  status?: CheckRunInput['status'];
  conclusion?: NonNullable<CheckRunInput['conclusion']>;
  output?: CheckRunOutput;
}

/**
 * The requests one create or update becomes: the first carries everything but the
 * annotations past 50; each later one repeats the output with the next 50 annotations.
 * When there is more than one, the status and conclusion go with the last, so that the
 * run completes only once all its annotations are in.
 */
export function checkRunBodies(input: Partial<CheckRunInput>): CheckRunBody[] {
  const { name, head_sha, status, conclusion, output } = input;
  const all = output?.annotations ?? [];
  const batches: Annotation[][] = [];
  for (let i = 0; i < all.length; i += ANNOTATIONS_PER_REQUEST) batches.push(all.slice(i, i + ANNOTATIONS_PER_REQUEST));
  if (batches.length === 0) batches.push([]);
  const last = batches.length - 1;
  return batches.map((batch, i) => {
    const body: CheckRunBody = {};
    if (i === 0 && name !== undefined) body.name = name;
    if (i === 0 && head_sha !== undefined) body.head_sha = head_sha;
    if (i === last) {
      if (status !== undefined) body.status = status;
      if (conclusion !== undefined) body.conclusion = conclusion;
    } else if (i === 0 && status !== undefined) {
      body.status = 'in_progress';
    }
    if (output) body.output = clipOutput(output, batch);
    return body;
  });
}
