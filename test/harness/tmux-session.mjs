// A program in a real terminal for the interop tests: one tmux session on a tmux server of its own
// (`tmux -L`), so a test neither sees nor disturbs anyone else's sessions.
//
//   const term = tmuxSession('kamcmd');
//   await requireTmux();
//   await term.start(`exec ${process.execPath} ${BIN}`, { width: 120, height: 40 });
//   await term.type('core.upt'); await term.keys('Tab');
//   await term.waitForScreen(/^kamcmd> core\.uptime\s*$/m);
//   await term.kill();

import { run } from './lab-tools.mjs';

/** @import { RunResult } from './lab-tools.mjs' */

/**
 * @typedef {object} WaitOptions
 * @property {number} [timeoutMs]   fail after this long (default 10 s)
 * @property {number} [pollMs]      between two looks at the screen (default 50 ms)
 * @property {() => Promise<void>} [whileWaiting]  run between two looks (e.g. send traffic)
 */

/**
 * @typedef {object} TmuxSession
 * @property {string} server  the `tmux -L` socket name
 * @property {(...args: string[]) => Promise<RunResult>} tmux  any tmux command on this server
 * @property {(command: string, size?: { width?: number, height?: number }) => Promise<void>} start
 *           runs `command` (through the shell) in a new detached session of that size (default 120x40)
 * @property {() => Promise<string>} screen  what the terminal shows now
 * @property {(expected: RegExp, options?: WaitOptions) => Promise<string>} waitForScreen
 *           polls until `expected` shows; rejects with the screen when it never does
 * @property {(text: string) => Promise<void>} type  sends text literally
 * @property {(...keys: string[]) => Promise<void>} keys  sends tmux key names (Tab, Enter, C-u, Up...)
 * @property {(options?: { timeoutMs?: number }) => Promise<void>} waitForExit
 *           waits until the program has ended (its session is gone)
 * @property {() => Promise<void>} kill  stops this tmux server and whatever runs in it
 */

/**
 * Checks that tmux can run; rejects with how to get it when not.
 *
 * @returns {Promise<void>}
 */
export async function requireTmux() {
	const version = await run('tmux', ['-V']).catch(() => undefined);
	if (!version || version.code !== 0) throw new Error('tmux is needed for this test: apt-get install tmux (.ci/run installs it)');
}

/**
 * @param {string} name  part of the tmux server name (with our pid, so parallel runs do not meet)
 * @returns {TmuxSession}
 */
export function tmuxSession(name) {
	const server = `kamkit-${name}-${process.pid}`;
	const session = 'main';
	const sleep = (/** @type {number} */ ms) => new Promise((resolve) => setTimeout(resolve, ms));

	/** @param {string[]} args */
	const tmux = async (...args) => {
		const result = await run('tmux', ['-L', server, ...args], { timeoutMs: 10_000 });
		// has-session answers through its exit code; kill-server finds no server when none started.
		if (result.code !== 0 && args[0] !== 'kill-server' && args[0] !== 'has-session') {
			throw new Error(`tmux ${args.join(' ')} failed (${result.code}): ${result.stderr.trim()}`);
		}
		return result;
	};
	const screen = async () => (await tmux('capture-pane', '-p', '-t', session)).stdout;

	return {
		server,
		tmux,
		screen,
		async start(command, { width = 120, height = 40 } = {}) {
			await tmux('new-session', '-d', '-s', session, '-x', String(width), '-y', String(height), command);
		},
		async waitForScreen(expected, { timeoutMs = 10_000, pollMs = 50, whileWaiting } = {}) {
			const deadline = Date.now() + timeoutMs;
			for (;;) {
				const text = await screen();
				if (expected.test(text)) return text;
				if (Date.now() > deadline) throw new Error(`${expected} never showed; the terminal shows:\n${text}`);
				if (whileWaiting) await whileWaiting();
				await sleep(pollMs);
			}
		},
		async type(text) {
			await tmux('send-keys', '-t', session, '-l', text);
		},
		async keys(...keys) {
			await tmux('send-keys', '-t', session, ...keys);
		},
		async waitForExit({ timeoutMs = 10_000 } = {}) {
			const deadline = Date.now() + timeoutMs;
			while ((await tmux('has-session', '-t', session)).code === 0) {
				if (Date.now() > deadline) throw new Error(`the program did not exit; the terminal shows:\n${await screen()}`);
				await sleep(50);
			}
		},
		async kill() {
			await tmux('kill-server');
		},
	};
}
