#!/usr/bin/env bash
# The Action's fast path. Run from a release tag (uses:
# git-career/git-career@v1.2.3), it downloads that release's archive for
# the runner's OS and architecture through GitHub's API with the given
# token, checks it against the release's checksums.txt, and puts the binary
# where the build step would: "$RUNNER_TEMP/git-career". It then writes
# fetched=true to $GITHUB_OUTPUT.
#
# Anywhere else (a branch, a commit, a fork, uses: ./) or when the download
# fails, it says why in one line and writes fetched=false: action.yml then
# builds from source, as it always could. A download that does not match
# its checksum is no reason to go on: it fails, in one line.
#
# Environment, as action.yml passes it:
#   ACTION_REF, ACTION_REPOSITORY   github.action_ref and .action_repository
#                                   (else read from GITHUB_ACTION_PATH,
#                                   .../_actions/OWNER/NAME/REF)
#   GIT_CAREER_TOKEN                the github-token input (may be empty)
#   GITHUB_API_URL                  the API root, https://api.github.com
#   RUNNER_OS, RUNNER_ARCH, RUNNER_TEMP, GITHUB_OUTPUT  as the runner sets them
set -euo pipefail

# Releases are taken from this repository only: a fork's tag may hold other
# code than the release of the same name.
upstream=git-career/git-career

build() { # $1: why not the release; $2: "warning" for a surprise
	if [ "${2:-}" = warning ]; then
		echo "::warning title=git-career built from source::$1"
	else
		echo "git-career: building from source: $1"
	fi
	echo "fetched=false" >>"$GITHUB_OUTPUT"
	exit 0
}
fail() {
	echo "::error title=git-career release::$1"
	exit 1
}

ref=${ACTION_REF:-}
repo=${ACTION_REPOSITORY:-}
action_path=${GITHUB_ACTION_PATH:-}
if [ -z "$ref" ]; then
	# Composite actions do not always see github.action_ref
	# (actions/runner#2473); the runner checks the action out at
	# _actions/OWNER/NAME/REF.
	case "$action_path" in
	*/_actions/*/*/*)
		ref=${action_path##*/}
		repo=${action_path%/*}
		repo=${repo##*/_actions/}
		;;
	esac
fi
[ -n "$ref" ] || build "not run from a release tag (uses: ./, or no ref)"
[[ $ref =~ ^v[0-9]+\.[0-9]+\.[0-9]+(-[0-9A-Za-z.-]+)?$ ]] ||
	build "$ref is not a release tag (vX.Y.Z)"
[ "$repo" = "$upstream" ] || build "$repo is not $upstream, whose releases these are"

case "${RUNNER_OS:-}" in
Linux) os=linux ext=tar.gz ;;
macOS) os=darwin ext=tar.gz ;;
Windows) os=windows ext=zip ;;
*) build "no release archive for runner OS ${RUNNER_OS:-(unset)}" ;;
esac
case "${RUNNER_ARCH:-}" in
X64) arch=amd64 ;;
ARM64) arch=arm64 ;;
*) build "no release archive for runner architecture ${RUNNER_ARCH:-(unset)}" ;;
esac
for tool in curl jq; do
	command -v "$tool" >/dev/null || build "$tool is not installed"
done
if command -v sha256sum >/dev/null; then
	sha256() { sha256sum "$1" | cut -d' ' -f1; }
elif command -v shasum >/dev/null; then
	sha256() { shasum -a 256 "$1" | cut -d' ' -f1; }
else
	build "neither sha256sum nor shasum is installed"
fi
if [ "$ext" = zip ]; then
	command -v unzip >/dev/null || build "unzip is not installed"
fi

version=${ref#v}
archive="git-career_${version}_${os}_${arch}.${ext}"
api=${GITHUB_API_URL:-https://api.github.com}
api=${api%/}
dir=$(mktemp -d "${RUNNER_TEMP:-/tmp}/git-career-release.XXXXXX")
trap 'rm -rf "$dir"' EXIT

# (Written for bash 3.2 too, macOS's own: hence the empty-array idiom.)
# get URL FILE ACCEPT prints the HTTP status (000 when there was none) and
# leaves the body in FILE. The token goes to the API only: curl drops it
# when the API redirects to the storage host.
# The token reaches curl on its standard input (-H @-), never on its
# command line, where other processes of a shared runner could read it.
get() {
	local auth=()
	[ -z "${GIT_CAREER_TOKEN:-}" ] || auth=(-H @-)
	printf 'Authorization: Bearer %s\n' "${GIT_CAREER_TOKEN:-}" |
		curl -sSL --retry 2 --connect-timeout 10 --max-time 120 -o "$2" -w '%{http_code}' \
			-H "Accept: $3" -H "X-GitHub-Api-Version: 2022-11-28" ${auth[@]+"${auth[@]}"} "$1" 2>"$dir/curl.err" || true
}
# why prints curl's own complaint, if it had one.
why() { [ ! -s "$dir/curl.err" ] || printf ': %s' "$(head -n 1 "$dir/curl.err")"; }

status=$(get "$api/repos/$repo/releases/tags/$ref" "$dir/release.json" application/vnd.github+json)
[ "$status" = 200 ] || build "no release $ref of $repo to download (HTTP $status$(why))" warning
asset() { # the API URL of the asset named $1
	jq -r --arg name "$1" '[.assets[]? | select(.name == $name) | .url][0] // empty' "$dir/release.json"
}
archive_url=$(asset "$archive") || build "the release $ref of $repo is not JSON" warning
sums_url=$(asset checksums.txt)
[ -n "$archive_url" ] || build "the release $ref has no $archive" warning
[ -n "$sums_url" ] || build "the release $ref has no checksums.txt" warning
for f in "$archive:$archive_url" "checksums.txt:$sums_url"; do
	status=$(get "${f#*:}" "$dir/${f%%:*}" application/octet-stream)
	[ "$status" = 200 ] || build "downloading ${f%%:*} of $ref failed (HTTP $status$(why))" warning
done

want=$(awk -v f="$archive" '$2 == f || $2 == "*" f { print $1; exit }' "$dir/checksums.txt")
[ -n "$want" ] || fail "checksums.txt of $ref has no line for $archive: not running it"
got=$(sha256 "$dir/$archive")
[ "$got" = "$want" ] || fail "sha256 of $archive is $got, but checksums.txt of $ref says $want: not running it"

bin=git-career
if [ "$os" = windows ]; then
	bin=git-career.exe
fi
mkdir "$dir/x"
if [ "$ext" = zip ]; then
	unzip -q -o "$dir/$archive" "$bin" -d "$dir/x" || fail "$archive holds no $bin"
else
	tar -xzf "$dir/$archive" -C "$dir/x" "$bin" || fail "$archive holds no $bin"
fi
mv "$dir/x/$bin" "$RUNNER_TEMP/git-career"
chmod +x "$RUNNER_TEMP/git-career"
echo "git-career: fetched $archive of $repo $ref, sha256 $got as checksums.txt says"
"$RUNNER_TEMP/git-career" --version
echo "fetched=true" >>"$GITHUB_OUTPUT"
