#!/usr/bin/env bash
# bench/run.sh [REPO...]: how fast, how big and how exact is git-career on
# each repository, beside C git doing the same reading, in one run?
#
# For each REPO (a work tree or a bare clone or mirror):
# 1. The periods: Q, the last whole quarter before the newest commit on a
#    branch, and Y, the last whole year before it. The author: AUTHOR if
#    set, else the most frequent author of Q (bots left out).
# 2. In alternating repetitions (RUNS, default 5), each job beside
#    `git log --branches --numstat` (git's defaults: renames detected) over
#    the same range:
#      one quarter      git-career --since/--until Q, the author
#      no commits       the same for an author with no commits at all
#                       (nobody@example.invalid); git-career then reads the
#                       whole history to say so, git log does not
#      a year           git-career --year Y
#      whole history    git-career --since 1970-01-01, and bench/walk
#                       (history.Read alone: no classification, no
#                       measures)
#    all with --format json --no-github, the impact measures on, as a user
#    runs it. Medians of wall time and CPU time (user+system: git-career
#    uses both cores, git one), their ratios, the peak RSS of all runs
#    (GNU time), and the load average around them: on a shared machine the
#    wall-clock ratios are only as good as the load was low.
# 3. The impact measures' cost on Q (bench/impact: the same quarter with
#    and without them, alternating, in one process).
# 4. Every commit's files, renames and line counts over the author's whole
#    history against git's default numstat (bench/walk -compare); commits
#    git lists that the tool leaves out on purpose (a commit and its
#    revert, whoever reverted it) are counted apart.
#
# Without REPO, or with SYNTH=1, a generated repository is measured too
# (bench/genrepo: COMMITS commits, default 50000, by eight authors over ~10
# years, cached in bench/out/; its author alice@example.com).
# Environment: RUNS, AUTHOR, SYNTH, COMMITS, SEED, REGEN=1 to rebuild the
# generated repository; GIT_CAREER, IMPACT and WALK to measure binaries
# built elsewhere. Needs GNU time at /usr/bin/time.
set -euo pipefail

cd "$(dirname "$0")/.."
COMMITS=${COMMITS:-50000}
SEED=${SEED:-1}
RUNS=${RUNS:-5}
OUT=bench/out
GEN=$OUT/repo.git
NOBODY=nobody@example.invalid
mkdir -p "$OUT"

if [[ ! -x /usr/bin/time ]]; then
	echo "run.sh: needs GNU time at /usr/bin/time (apt-get install time)" >&2
	exit 1
fi

# Keep the user's git configuration (and git-career's: career.output,
# career.team) out of the measurements.
export GIT_CONFIG_NOSYSTEM=1 GIT_CONFIG_GLOBAL=/dev/null

repos=("$@")
if [[ ${#repos[@]} -eq 0 || ${SYNTH:-} == 1 ]]; then
	params="commits=$COMMITS seed=$SEED"
	if [[ ${REGEN:-} == 1 || ! -d $GEN || "$(cat "$OUT/repo.params" 2>/dev/null)" != "$params" ]]; then
		echo "generating $GEN ($params)..."
		rm -rf "$GEN" "$OUT/repo.params"
		go build -o "$OUT/genrepo" ./bench/genrepo
		git init -q --bare "$GEN"
		git -C "$GEN" symbolic-ref HEAD refs/heads/main
		start=$(date +%s)
		"$OUT/genrepo" -commits "$COMMITS" -seed "$SEED" | git -C "$GEN" fast-import --quiet
		git -C "$GEN" repack -adfq --depth=50 --window=10
		echo "$params" >"$OUT/repo.params"
		echo "generated in $(($(date +%s) - start)) s"
	fi
	repos=("$GEN" "${repos[@]}")
fi

# Built from this tree, unless given (GIT_CAREER, IMPACT, WALK: binaries
# built elsewhere, say from another commit, to measure them the same
# way; the exactness check always uses this tree's bench/walk).
go build -o "$OUT/walk" ./bench/walk
GC_BIN=${GIT_CAREER:-$OUT/git-career} IMPACT_BIN=${IMPACT:-$OUT/impact} WALK_BIN=${WALK:-$OUT/walk}
[[ -n ${IMPACT:-} ]] || go build -o "$OUT/impact" ./bench/impact
[[ -n ${GIT_CAREER:-} ]] || go build -o "$OUT/git-career" ./cmd/git-career
# No ~/.gitconfig either, for git-career's own settings (built first: go
# keeps its module cache under HOME).
export HOME=$PWD/$OUT/home
mkdir -p "$HOME"

median() { sort -n | awk '{a[NR]=$1} END{print a[int((NR+1)/2)]}'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN{if (b > 0) printf "%.2fx", a/b; else printf "n/a"}'; }

echo "machine: $(nproc) cores, $(awk '/MemTotal/{printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(uname -sr); $(git --version)"

failed=0
bench() {
	local repo=$1 author=${AUTHOR:-}
	local last y m q qs qe ys ye
	last=$(git -C "$repo" log --branches -1 --format=%cs)
	y=${last:0:4} m=$((10#${last:5:2})) q=$(((m - 1) / 3 + 1))
	qs=$(date -d "$(printf '%s-%02d-01' "$y" $((3 * q - 2))) -3 months" +%F)
	qe=$(date -d "$qs +3 months -1 day" +%F)
	local quarter="${qs:0:4}Q$(((10#${qs:5:2} - 1) / 3 + 1))"
	local year=$((y - 1))
	ys=$year-01-01 ye=$year-12-31
	if [[ -z $author ]]; then
		# sed reads all of shortlog's output: with head, shortlog could die of
		# SIGPIPE and pipefail end the script.
		author=$(git -C "$repo" shortlog -sne --no-merges --branches --since="$qs" --until="$qe 23:59:59" |
			grep -v '\[bot\]' | sed -nE '1s/.*<(.*)>.*/\1/p')
	fi
	echo
	echo "== $repo: $(git -C "$repo" rev-list --count --branches) commits on branches;" \
		"author $author: $(git -C "$repo" log --branches --author="$author" --no-merges --format=%H --since="$qs" --until="$qe 23:59:59" | wc -l) non-merge commits in $quarter," \
		"$(git -C "$repo" log --branches --author="$author" --no-merges --format=%H | wc -l) in all"

	local -A times cpus peak
	local names=(git-q ours-q git-0 ours-0 git-y ours-y git-all ours-all walk-all)
	local n t u s mem
	for n in "${names[@]}"; do times[$n]="" cpus[$n]="" peak[$n]=0; done
	run() { # run NAME CMD...: one timed run, output discarded
		local name=$1
		shift
		/usr/bin/time -f '%e %U %S %M' -o "$OUT/time.txt" "$@" >/dev/null 2>"$OUT/stderr.txt" || {
			echo "failed: $*" >&2
			cat "$OUT/stderr.txt" >&2
			return 1
		}
		read -r t u s mem <"$OUT/time.txt"
		times[$name]+="$t "
		cpus[$name]+="$(awk -v u="$u" -v s="$s" 'BEGIN{print u+s}') "
		((mem > peak[$name])) && peak[$name]=$mem
		return 0
	}
	local gc=("$GC_BIN" --repo "$repo" --format json --no-github)
	echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
	for ((i = 0; i < RUNS; i++)); do
		run git-q git -C "$repo" log --branches --author="$author" --since="$qs" --until="$qe 23:59:59" --numstat
		run ours-q "${gc[@]}" --author "$author" --since "$qs" --until "$qe"
		run git-0 git -C "$repo" log --branches --author="$NOBODY" --since="$qs" --until="$qe 23:59:59" --numstat
		run ours-0 "${gc[@]}" --author "$NOBODY" --since "$qs" --until "$qe"
		run git-y git -C "$repo" log --branches --author="$author" --since="$ys" --until="$ye 23:59:59" --numstat
		run ours-y "${gc[@]}" --author "$author" --year "$year"
		run git-all git -C "$repo" log --branches --author="$author" --numstat
		run ours-all "${gc[@]}" --author "$author" --since 1970-01-01
		run walk-all "$WALK_BIN" -repo "$repo" -author "$author"
	done
	echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
	local -A med cpu
	for n in "${names[@]}"; do
		med[$n]=$(printf '%s\n' ${times[$n]} | median)
		cpu[$n]=$(printf '%s\n' ${cpus[$n]} | median)
	done
	printf '%-34s %9s %9s %7s   %9s %9s %7s   %8s %8s\n' job "git log" git-career ratio "cpu git" "cpu ours" ratio "RSS git" "RSS ours"
	row() { # row LABEL GIT OURS
		printf '%-34s %7.2f s %7.2f s %7s   %7.2f s %7.2f s %7s   %4d MiB %4d MiB\n' "$1" "${med[$2]}" "${med[$3]}" \
			"$(ratio "${med[$3]}" "${med[$2]}")" "${cpu[$2]}" "${cpu[$3]}" "$(ratio "${cpu[$3]}" "${cpu[$2]}")" \
			$((peak[$2] / 1024)) $((peak[$3] / 1024))
	}
	row "one quarter ($quarter)" git-q ours-q
	row "one quarter, no commits at all" git-0 ours-0
	row "a year ($year)" git-y ours-y
	row "whole history" git-all ours-all
	row "whole history, history.Read only" git-all walk-all
	for n in ours-q ours-0 ours-y ours-all walk-all; do
		echo "  runs $n: ${times[$n]% }"
	done

	# The impact measures' cost, in one process, alternating.
	echo "impact measures, $quarter (bench/impact, $RUNS runs each):"
	"$IMPACT_BIN" -repo "$repo" -author "$author" -quarter "$quarter" -runs "$RUNS" | grep -E '^(median|load)' | sed 's/^/  /'

	# Exactness: every commit's numstat against git's.
	local tag
	tag=$(basename "$(dirname "$repo")")-$(basename "$repo" .git)
	git -C "$repo" log --branches --author="$author" --no-merges --format=%H --numstat >"$OUT/$tag.git.numstat"
	# Reverts by anyone: the tool drops a commit someone else reverted too.
	git -C "$repo" log --branches --no-merges --grep='This reverts commit' --format='%H %B' |
		grep -oE '\b[0-9a-f]{40}\b' >"$OUT/$tag.cancelled" || true
	"$OUT/walk" -repo "$repo" -author "$author" -compare "$OUT/$tag.git.numstat" -cancelled "$OUT/$tag.cancelled" || failed=1
}

for repo in "${repos[@]}"; do
	bench "$repo"
done
exit $failed
