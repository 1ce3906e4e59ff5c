import { describe, it, expect } from '@jest/globals';
import { commandText, parseCommand } from '../../src/commands/parse-command.js';

describe('parseCommand', () => {
  it('reads the verb and its argument from the first line', () => {
    expect(parseCommand('/listwarden recheck')).toEqual({ verb: 'recheck' });
    expect(parseCommand('/listwarden ignore https://example.com/gone')).toEqual({ verb: 'ignore', argument: 'https://example.com/gone' });
    expect(parseCommand('/listwarden explain no-dead-link please')).toEqual({ verb: 'explain', argument: 'no-dead-link' });
  });

  it('accepts leading spaces, any case of the verb and trailing spaces or CRLF', () => {
    expect(parseCommand('   /listwarden FIX  ')).toEqual({ verb: 'fix' });
    expect(parseCommand('/LISTWARDEN Help\r\nthanks!')).toEqual({ verb: 'help' });
    expect(parseCommand('/listwarden\tRecheck')).toEqual({ verb: 'recheck' });
  });

  it('does not read an indented code block (four spaces or a tab) as a command, but three spaces still are one', () => {
    expect(parseCommand('    /listwarden fix')).toBeUndefined();
    expect(parseCommand('\t/listwarden fix')).toBeUndefined();
    expect(parseCommand('  \t/listwarden fix')).toBeUndefined();
    expect(parseCommand('   /listwarden fix')).toEqual({ verb: 'fix' });
    expect(parseCommand('\uFEFF   /listwarden fix')).toEqual({ verb: 'fix' });
  });

  it('takes only the first line: a command further down is no command', () => {
    expect(parseCommand('Thanks for the PR!\n/listwarden fix')).toBeUndefined();
    expect(parseCommand('/listwarden fix\n/listwarden ignore no-dead-link')).toEqual({ verb: 'fix' });
    expect(parseCommand('\n/listwarden fix')).toBeUndefined();
  });

  it('does not read quoted, fenced or run-together text as a command', () => {
    expect(parseCommand('> /listwarden fix')).toBeUndefined();
    expect(parseCommand('```\n/listwarden fix\n```')).toBeUndefined();
    expect(parseCommand('/listwardenfix')).toBeUndefined();
    expect(parseCommand('please /listwarden fix')).toBeUndefined();
    expect(parseCommand('/listwarden-bot fix')).toBeUndefined();
    expect(parseCommand('')).toBeUndefined();
  });

  it('treats a bare /listwarden as help and unwraps code spans and autolinks around the argument', () => {
    expect(parseCommand('/listwarden')).toEqual({ verb: 'help' });
    expect(parseCommand('/listwarden ignore `https://a.example/x`')).toEqual({ verb: 'ignore', argument: 'https://a.example/x' });
    expect(parseCommand('/listwarden ignore <https://a.example/x>')).toEqual({ verb: 'ignore', argument: 'https://a.example/x' });
  });

  it('writes the command back as typed, for replies', () => {
    expect(commandText(parseCommand('/listwarden IGNORE https://a.example/x')!)).toBe('/listwarden ignore https://a.example/x');
    expect(commandText(parseCommand(' /listwarden fix')!)).toBe('/listwarden fix');
  });
});
