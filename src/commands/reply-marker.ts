/**
 * The hidden marker that ties a reply to the comment it answers, so a repeated delivery of
 * the same comment finds the answer and does not answer twice.
 */
export function replyMarker(commentId: number): string {
  return `<!-- listwarden:reply-to=${commentId} -->`;
}

/** A reply body: the text, then the marker on its own line. */
export function replyBody(text: string, commentId: number): string {
  return `${text.trimEnd()}\n\n${replyMarker(commentId)}`;
}

/** Whether a comment body is listwarden's answer to that comment. */
export function isReplyTo(body: string, commentId: number): boolean {
  return body.includes(replyMarker(commentId));
}
