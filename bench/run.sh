#!/usr/bin/env bash
# bench/run.sh [REPO...]: how fast, how big and how exact is reading one
# author's history, against C git, in one run?
#
# 1. Generates (once, cached in bench/out/) a synthetic repository with
#    bench/genrepo and `git fast-import`: COMMITS commits (default 50000) by
#    eight authors over ~10 years and a tree of a few thousand files,
#    repacked with deltas up to depth 50, so reads go through realistic
#    delta chains. It is measured first, then every REPO given.
# 2. For each repository, in alternating repetitions (RUNS, default 5):
#    `git log --branches --author=X --numstat` (the baseline, with git's
#    defaults: rename detection on),
#    `git-career --author X --since 1970-01-01 --format json` (the whole
#    tool), and bench/walk (its history reading alone); then one quarter,
#    the last whole quarter before the newest commit, both ways. Medians, their ratios to
#    git's, CPU time (user+system; the tool uses both cores, git one), the
#    peak RSS of all runs (GNU time), and the load average around them: the
#    wall-clock ratios mean something only on an otherwise idle machine.
# 3. Checks every commit's files, renames and line counts against git's
#    default numstat (renames detected) and lists any that differ (bench/walk
#    -compare); commits git lists that the tool leaves out on purpose (a
#    commit and its revert, whoever reverted it) are counted apart.
#
# The author of a REPO is AUTHOR if set, else its most frequent author.
# Environment: COMMITS, SEED, AUTHOR (default for the generated repository:
# alice@example.com), RUNS, REGEN=1 to rebuild the repository. The machine
# should be otherwise idle: the tool uses both cores, git one.
set -euo pipefail

cd "$(dirname "$0")/.."
COMMITS=${COMMITS:-50000}
SEED=${SEED:-1}
RUNS=${RUNS:-5}
OUT=bench/out
GEN=$OUT/repo.git
mkdir -p "$OUT"

if [[ ! -x /usr/bin/time ]]; then
	echo "run.sh: needs GNU time at /usr/bin/time (apt-get install time)" >&2
	exit 1
fi

# Keep the user's git configuration out of the measurements.
export GIT_CONFIG_NOSYSTEM=1 GIT_CONFIG_GLOBAL=/dev/null

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

go build -o "$OUT/walk" ./bench/walk
go build -o "$OUT/git-career" ./cmd/git-career

median() { sort -n | awk '{a[NR]=$1} END{print a[int((NR+1)/2)]}'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN{if (b > 0) printf "%.2fx", a/b; else printf "n/a"}'; }

# bench REPO AUTHOR: measures and checks one repository.
failed=0
bench() {
	local repo=$1 author=$2 tag
	tag=$(basename "$repo" .git)
	echo
	echo "== $repo: author $author: $(git -C "$repo" log --branches --author="$author" --no-merges --format=%H | wc -l)" \
		"non-merge commits of $(git -C "$repo" rev-list --count --branches)"

	# The last whole quarter before the newest commit, for the
	# one-quarter job.
	local last y m q since until
	last=$(git -C "$repo" log --branches -1 --format=%cs)
	y=${last:0:4} m=$((10#${last:5:2})) q=$(((m - 1) / 3 + 1))
	since=$(date -d "$(printf '%s-%02d-01' "$y" $((3 * q - 2))) -3 months" +%F)
	until=$(date -d "$since +3 months -1 day" +%F)

	local -A times cpus peak
	local names=(git ours walk git-quarter ours-quarter)
	local n t u s mem
	for n in "${names[@]}"; do times[$n]="" cpus[$n]="" peak[$n]=0; done
	run() { # run NAME CMD...: one timed run, output discarded
		local name=$1
		shift
		/usr/bin/time -f '%e %U %S %M' -o "$OUT/time.txt" "$@" >/dev/null
		read -r t u s mem <"$OUT/time.txt"
		times[$name]+="$t "
		cpus[$name]+="$(awk -v u="$u" -v s="$s" 'BEGIN{print u+s}') "
		((mem > peak[$name])) && peak[$name]=$mem
		return 0
	}
	echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
	for ((i = 0; i < RUNS; i++)); do
		run git git -C "$repo" log --branches --author="$author" --numstat
		run ours "$OUT/git-career" --repo "$repo" --author "$author" --since 1970-01-01 --format json --no-github
		run walk "$OUT/walk" -repo "$repo" -author "$author"
		run git-quarter git -C "$repo" log --branches --author="$author" --since="$since" --until="$until 23:59:59" --numstat
		run ours-quarter "$OUT/git-career" --repo "$repo" --author "$author" --since "$since" --until "$until" --format json --no-github
	done
	echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
	local -A med cpu
	for n in "${names[@]}"; do
		med[$n]=$(printf '%s\n' ${times[$n]} | median)
		cpu[$n]=$(printf '%s\n' ${cpus[$n]} | median)
	done
	for n in "${names[@]}"; do
		local label
		case $n in
		git) label="git log --numstat" ;;
		ours) label="git-career, whole history" ;;
		walk) label="bench/walk (history.Read only)" ;;
		git-quarter) label="git log, $since..$until" ;;
		ours-quarter) label="git-career, $since..$until" ;;
		esac
		printf '%-34s median %6.2f s  cpu %6.2f s  peak RSS %4d MiB  (runs: %s)\n' \
			"$label" "${med[$n]}" "${cpu[$n]}" $((peak[$n] / 1024)) "${times[$n]% }"
	done
	echo "ratio to git: whole history $(ratio "${med[ours]}" "${med[git]}") (history only $(ratio "${med[walk]}" "${med[git]}"))," \
		"one quarter $(ratio "${med[ours-quarter]}" "${med[git-quarter]}") (${med[ours-quarter]} s);" \
		"cpu time, whole history $(ratio "${cpu[ours]}" "${cpu[git]}")"

	# Exactness: every commit's numstat against git's.
	git -C "$repo" log --branches --author="$author" --no-merges --format=%H --numstat >"$OUT/$tag.git.numstat"
	# Reverts by anyone: the tool drops a commit someone else reverted too.
	git -C "$repo" log --branches --no-merges --grep='This reverts commit' --format='%H %B' |
		grep -oE '\b[0-9a-f]{40}\b' >"$OUT/$tag.cancelled" || true
	"$OUT/walk" -repo "$repo" -author "$author" -compare "$OUT/$tag.git.numstat" -cancelled "$OUT/$tag.cancelled" || failed=1
}

bench "$GEN" "${AUTHOR:-alice@example.com}"
for repo in "$@"; do
	# sed reads all of shortlog's output: with head, shortlog could die of
	# SIGPIPE and pipefail end the script.
	author=${AUTHOR:-$(git -C "$repo" shortlog -sne --no-merges --branches | sed -nE '1s/.*<(.*)>.*/\1/p')}
	bench "$repo" "$author"
done
exit $failed
