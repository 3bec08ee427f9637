import { readdirSync, readFileSync } from 'node:fs';
import { decodePacket, decodeReply, FrameParser, type Packet, type RpcReplyPacket } from '@kamkit/binrpc';

/** The repository's fixtures, from packages/rpc/dist/test/support/ (where this file runs). */
const FIXTURES = new URL('../../../../../test/fixtures/', import.meta.url);
const BINRPC_VECTORS = new URL('vectors/binrpc/', FIXTURES);
const STDERR_MARKER = '[stderr]\n';

/** One recorded command: the `$ ...` line, its stdout and stderr, and its exit code. */
export interface Transcript {
  command: string;
  stdout: string;
  stderr: string;
  exitCode: number;
}

/**
 * Splits a lab recording into commands. The recorder wrote `$ <command>\n`, stdout verbatim (no
 * newline added, so an interactive session ends with "kamcmd> "), an optional `[stderr]\n`
 * section, then `[exit code: N]\n`.
 */
export function parseTranscripts(text: string): Transcript[] {
  const transcripts: Transcript[] = [];
  for (const match of text.matchAll(/^\$ (.*)\n([\s\S]*?)\[exit code: (\d+)\]\n/gm)) {
    const [, command = '', output = '', exitCode = ''] = match;
    // The marker starts a line; a leading '\n' makes the first line match the same way.
    const marker = `\n${STDERR_MARKER}`;
    const at = `\n${output}`.indexOf(marker);
    const stdout = at < 0 ? output : output.slice(0, at);
    const stderr = at < 0 ? '' : output.slice(at + STDERR_MARKER.length);
    transcripts.push({ command, stdout, stderr, exitCode: Number(exitCode) });
  }
  return transcripts;
}

/** The transcripts of `test/fixtures/observed/<file>`. */
export function observedTranscripts(file: string): Transcript[] {
  return parseTranscripts(readFileSync(new URL(`observed/${file}`, FIXTURES), 'utf8'));
}

/** The one transcript of an observed file whose command line ends with `commandTail`. */
export function observed(file: string, commandTail: string): Transcript {
  const found = observedTranscripts(file).filter((t) => t.command.endsWith(commandTail));
  if (found.length !== 1) throw new Error(`${file}: ${found.length} commands end with "${commandTail}"`);
  return found[0]!;
}

/** Names of the BINRPC vectors (every `<name>.rep.hex`). */
export function binrpcVectorNames(): string[] {
  return readdirSync(BINRPC_VECTORS)
    .filter((file) => file.endsWith('.rep.hex'))
    .map((file) => file.slice(0, -'.rep.hex'.length))
    .sort();
}

/** The kamcmd run recorded with a vector. */
export function vectorTranscript(name: string): Transcript {
  const transcripts = parseTranscripts(readFileSync(new URL(`${name}.kamcmd.txt`, BINRPC_VECTORS), 'utf8'));
  if (transcripts.length !== 1) throw new Error(`${name}.kamcmd.txt: ${transcripts.length} commands`);
  return transcripts[0]!;
}

/**
 * Every reply the server sent in a vector, decoded, in order. Stream vectors hold the whole
 * connection on one line (cut into packets with FrameParser, as a client would); the udp vector
 * holds one datagram per line, each exactly one packet.
 */
export function vectorReplies(name: string): RpcReplyPacket[] {
  const lines = readFileSync(new URL(`${name}.rep.hex`, BINRPC_VECTORS), 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => Buffer.from(line, 'hex'));
  const packets: Packet[] = [];
  if (name.startsWith('udp_')) {
    for (const datagram of lines) packets.push(decodePacket(datagram));
  } else {
    const parser = new FrameParser();
    for (const chunk of lines) parser.parse(chunk, (packet) => packets.push(packet));
    if (parser.bufferedBytes !== 0) throw new Error(`${name}.rep.hex: ${parser.bufferedBytes} bytes after the last packet`);
  }
  return packets.map((packet) => decodeReply(packet));
}
