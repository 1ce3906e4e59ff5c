/**
 * A command that could not be done for a reason the commenter can act on; its message
 * ("what is wrong — what to do") is posted as the reply as it is.
 */
export class CommandError extends Error {}
