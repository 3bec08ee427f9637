#!/usr/bin/env bash
# `npm install && npm start` on a fresh clone, tried as a new user would: as root, this makes a
# throw-away Linux user, clones the repository into its home as that user, installs, starts the
# companion server, talks to it with the real kamcmd 5.6.3 and with ours (node_modules/.bin), then
# stops it with Ctrl-C (SIGINT to the whole process group, as a terminal sends it) and, after a
# second start, with SIGTERM to npm alone (as a process manager does); both must remove the
# server's sockets and FIFO. The user and its home are deleted at the end, also on failure.
#
#   sudo test/fresh-clone/new-user-start.sh [--user NAME] [--repo PATH] [--keep]
#
#   --user NAME  the user to create (default kamkituser; refused if it exists already)
#   --repo PATH  the repository to clone (default: the one holding this script); the clone gets
#                its committed HEAD, not the working tree
#   --keep       keep the user and its clone for inspection
#
# Exit status 0 when every check passed, 1 when one failed, 2 on bad usage or missing tools.
# Not part of npm test: it needs root (useradd) and the npm registry.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=$(cd "$HERE/../.." && pwd)
NEW_USER=kamkituser
KEEP=0

usage() {
	sed -n '/^#   sudo/,/^#   --keep/p' "$0" | sed 's/^# \{0,1\}//' >&2
	exit 2
}

while [ $# -gt 0 ]; do
	case "$1" in
		--user) NEW_USER=${2:?--user needs a name}; shift 2 ;;
		--repo) REPO=$(cd "${2:?--repo needs a path}" && pwd); shift 2 ;;
		--keep) KEEP=1; shift ;;
		-h|--help) usage ;;
		*) echo "new-user-start: unknown argument '$1'" >&2; usage ;;
	esac
done

step() { printf '\n== %s\n' "$*"; }
ok() { printf 'ok    %s\n' "$*"; }
fail() { printf 'FAIL  %s\n' "$*"; exit 1; }

[ "$(id -u)" -eq 0 ] || { echo 'new-user-start: run as root (it creates and deletes a user)' >&2; exit 2; }
PATH="$PATH:/usr/sbin:/sbin"
for tool in useradd userdel runuser setsid git node npm; do
	command -v "$tool" >/dev/null || { echo "new-user-start: $tool not found" >&2; exit 2; }
done
REAL_KAMCMD=$(command -v kamcmd || true)
[ -n "$REAL_KAMCMD" ] && [ -x "$REAL_KAMCMD" ] || { echo 'new-user-start: the real kamcmd is not installed (Debian package: kamailio)' >&2; exit 2; }
[ -d "$REPO/.git" ] || { echo "new-user-start: $REPO is not a git repository" >&2; exit 2; }
if id "$NEW_USER" >/dev/null 2>&1; then
	echo "new-user-start: user $NEW_USER exists already; remove it or pick another with --user" >&2
	exit 2
fi

HOME_DIR=/home/$NEW_USER
CLONE=$HOME_DIR/kamkit
RUN_DIR=$CLONE/.kamkit/run
START_PID=
CREATED=0

# As the new user, in a login shell (its own HOME, PATH and npm config, nothing of root's), with
# the network settings the caller has, if any: a new user on this host would have them too.
as_user() {
	local passed=()
	for name in HTTP_PROXY HTTPS_PROXY NO_PROXY http_proxy https_proxy no_proxy NODE_EXTRA_CA_CERTS; do
		[ -n "${!name:-}" ] && passed+=("$name=${!name}")
	done
	runuser -u "$NEW_USER" -- env -i HOME="$HOME_DIR" USER="$NEW_USER" LOGNAME="$NEW_USER" SHELL=/bin/bash \
		PATH=/usr/local/bin:/usr/bin:/bin TERM="${TERM:-dumb}" "${passed[@]}" bash -lc "$1"
}

# Stops whatever of ours still runs (by the process group we started), then removes the user.
cleanup() {
	local status=$?
	if [ -n "$START_PID" ] && kill -0 -- "-$START_PID" 2>/dev/null; then kill -KILL -- "-$START_PID" 2>/dev/null || true; fi
	if [ "$CREATED" -eq 1 ]; then
		if [ "$KEEP" -eq 1 ]; then
			echo "kept: user $NEW_USER, clone $CLONE (remove with: userdel -r $NEW_USER)"
		else
			userdel -r "$NEW_USER" 2>/dev/null || userdel "$NEW_USER"
			echo "removed user $NEW_USER and $HOME_DIR"
		fi
	fi
	exit "$status"
}
trap cleanup EXIT
trap 'exit 1' INT TERM

step "a new user: $NEW_USER"
useradd -m -s /bin/bash "$NEW_USER"
CREATED=1
ok "useradd -m $NEW_USER ($(id "$NEW_USER"))"

step "git clone $REPO (as $NEW_USER)"
# The repository belongs to another user (root), which git refuses to read unless told it is safe
# (a clone from a hosting service never meets this). Said for this one command only, through a
# throw-away global config, so the user's own git configuration stays untouched.
as_user "printf '[safe]\n\tdirectory = %s/.git\n' '$REPO' > ~/.clone-gitconfig \
	&& GIT_CONFIG_GLOBAL=~/.clone-gitconfig git clone --quiet '$REPO' '$CLONE'; status=\$?; rm -f ~/.clone-gitconfig; exit \$status" \
	|| fail "git clone"
ok "cloned $(as_user "git -C '$CLONE' log -1 --format='%h %s' | cut -c1-100")"

step "npm install (as $NEW_USER)"
INSTALL_LOG=$HOME_DIR/npm-install.log
if as_user "cd '$CLONE' && npm install > '$INSTALL_LOG' 2>&1"; then
	ok "npm install"
else
	tail -n 25 "$INSTALL_LOG"
	# Native modules fall back to compiling when no prebuilt binary can be fetched, and node-gyp
	# then downloads Node's headers: on a host cut off from github.com and nodejs.org, the README
	# says to use the headers Node ships instead.
	if grep -qE 'ENOTFOUND (github\.com|nodejs\.org)|node-v[0-9.]+-headers\.tar\.gz' "$INSTALL_LOG" && [ -f /usr/include/node/node.h ]; then
		echo "WARN  plain npm install could not download prebuilt binaries or Node's headers (no access to github.com/nodejs.org);"
		echo "      retrying as the README says for such hosts: npm install --nodedir=/usr"
		as_user "cd '$CLONE' && npm install --nodedir=/usr > '$INSTALL_LOG' 2>&1" || { tail -n 25 "$INSTALL_LOG"; fail "npm install --nodedir=/usr"; }
		ok "npm install --nodedir=/usr"
	else
		fail "npm install"
	fi
fi
if grep -q 'npm warn install-scripts' "$INSTALL_LOG"; then grep 'install-scripts' "$INSTALL_LOG"; fail "npm install warns about install scripts"; fi
for bin in kamcmd sercmd kamctl kamdbctl kamkit-server; do
	[ -x "$CLONE/node_modules/.bin/$bin" ] || fail "node_modules/.bin/$bin is missing"
done
ok "node_modules/.bin has kamcmd, sercmd, kamctl, kamdbctl, kamkit-server"

# Starts `npm start` as the user in a process group of its own and waits for the banner.
START_LOG=$HOME_DIR/npm-start.log
start_server() {
	as_user "cd '$CLONE' && { setsid npm start > '$START_LOG' 2>&1 & echo \$! > ~/npm-start.pid; }"
	START_PID=$(cat "$HOME_DIR/npm-start.pid")
	local waited=0
	until grep -q '^Ctrl-C stops the server' "$START_LOG"; do
		if ! kill -0 "$START_PID" 2>/dev/null; then cat "$START_LOG"; fail "npm start exited before its banner"; fi
		[ "$waited" -lt 600 ] || { cat "$START_LOG"; fail "no banner from npm start within 600 s"; }
		sleep 1
		waited=$((waited + 1))
	done
}

# Waits until nothing of the process group runs, then checks that the run directory is empty.
expect_clean_stop() {
	local how=$1 waited=0
	while kill -0 -- "-$START_PID" 2>/dev/null; do
		[ "$waited" -lt 150 ] || { ps -o pid,cmd -g "$START_PID"; fail "$how: still running after 15 s"; }
		sleep 0.1
		waited=$((waited + 1))
	done
	ok "$how: npm and the server have exited"
	local left
	left=$(ls -A "$RUN_DIR")
	[ -z "$left" ] || fail "$how: left behind in $RUN_DIR: $left"
	ok "$how: $RUN_DIR is empty (sockets and FIFO removed)"
	START_PID=
}

step "npm start (as $NEW_USER)"
start_server
sed 's/^/      /' "$START_LOG" | grep -A20 '^      kamkit-server '
SOCKET=$(sed -n 's/^ *connect: kamcmd -s \(unix:.*\)$/\1/p' "$START_LOG" | head -n 1)
[ -n "$SOCKET" ] || fail "the banner names no unix socket for kamcmd"
[ "$SOCKET" = "unix:$RUN_DIR/kamailio_ctl" ] || fail "the socket is $SOCKET, expected unix:$RUN_DIR/kamailio_ctl"
ok "the banner says: kamcmd -s $SOCKET"
[ "$(stat -c '%a %U' "${SOCKET#unix:}")" = "600 $NEW_USER" ] || fail "socket mode/owner: $(stat -c '%a %U' "${SOCKET#unix:}")"
ok "the socket is mode 600, owned by $NEW_USER"

step "the real kamcmd and ours against it (as $NEW_USER)"
UPTIME_SHAPE=$'^\\{\n\tnow: [A-Z][a-z]{2} [A-Z][a-z]{2} [ 0-9][0-9] [0-9]{2}:[0-9]{2}:[0-9]{2} [0-9]{4}\n\tup_since: [A-Z][a-z]{2} [A-Z][a-z]{2} [ 0-9][0-9] [0-9]{2}:[0-9]{2}:[0-9]{2} [0-9]{4}\n\tuptime: [0-9]+\n\\}$'
VERSION_REAL=
for kamcmd in "$REAL_KAMCMD" "$CLONE/node_modules/.bin/kamcmd"; do
	for method in core.uptime core.version; do
		out=$(as_user "'$kamcmd' -s '$SOCKET' $method" 2>&1) || fail "$kamcmd $method: exit status $?: $out"
		case $method in
			core.uptime) [[ "$out" =~ $UPTIME_SHAPE ]] || fail "$kamcmd core.uptime printed: $out" ;;
			core.version)
				[[ "$out" =~ ^kamailio\ 5\.6\.3\ \(.+/.+\)\ *$ ]] || fail "$kamcmd core.version printed: $out"
				if [ -z "$VERSION_REAL" ]; then VERSION_REAL=$out; else [ "$out" = "$VERSION_REAL" ] || fail "ours printed '$out', the real kamcmd '$VERSION_REAL'"; fi ;;
		esac
		ok "$kamcmd $method: $(printf '%s' "$out" | tr '\n\t' '  ')"
	done
done

step "Ctrl-C (SIGINT to the process group, as the terminal sends it)"
kill -INT -- "-$START_PID"
expect_clean_stop "Ctrl-C"

step "npm start again, then SIGTERM to npm alone (as a process manager stops it)"
start_server
ok "started again (banner seen)"
kill -TERM "$START_PID"
expect_clean_stop "SIGTERM to npm"

step "all checks passed"
