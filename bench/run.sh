#!/usr/bin/env bash
# bench/run.sh: how much slower than C git is reading one author's history?
#
# 1. Generates (once, cached in bench/out/) a synthetic repository with
#    bench/genrepo and `git fast-import`: COMMITS commits (default 50000) by
#    eight authors over ~10 years and a tree of a few thousand files, then
#    repacks it the way `git gc --aggressive`-like servers do (deltas up to
#    depth 50), so reads go through realistic delta chains.
# 2. Times `git log --author=$AUTHOR --numstat --no-renames` there: the
#    baseline the tool is measured against.
# 3. Times bench/walk, which walks the same history with go-git and
#    computes each matching commit's numstat with analyzer.CommitFiles, and
#    checks its output against git's (paths exactly, line counts within
#    git's non-minimal diff heuristics).
# 4. If cmd/git-career exists (or GIT_CAREER names a built binary), times
#    `git-career --repo DIR --author X --since 1970-01-01 --format json`.
#
# Each timing is the median of RUNS runs (default 3); peak RSS is the
# largest seen, from /usr/bin/time. Ratios are against git's median.
#
# Environment: COMMITS, SEED, AUTHOR (default alice@example.com), RUNS,
# GIT_CAREER (path of a built binary; default: build ./cmd/git-career if
# present), REGEN=1 to rebuild the repository.
set -euo pipefail

cd "$(dirname "$0")/.."
COMMITS=${COMMITS:-50000}
SEED=${SEED:-1}
AUTHOR=${AUTHOR:-alice@example.com}
RUNS=${RUNS:-3}
OUT=bench/out
REPO=$OUT/repo.git
mkdir -p "$OUT"

if [[ ! -x /usr/bin/time ]]; then
	echo "run.sh: needs GNU time at /usr/bin/time (apt-get install time)" >&2
	exit 1
fi

# Keep the user's git configuration out of the measurements.
export GIT_CONFIG_NOSYSTEM=1 GIT_CONFIG_GLOBAL=/dev/null

params="commits=$COMMITS seed=$SEED"
if [[ ${REGEN:-} == 1 || ! -d $REPO || "$(cat "$OUT/repo.params" 2>/dev/null)" != "$params" ]]; then
	echo "generating $REPO ($params)..."
	rm -rf "$REPO" "$OUT/repo.params"
	go build -o "$OUT/genrepo" ./bench/genrepo
	git init -q --bare "$REPO"
	git -C "$REPO" symbolic-ref HEAD refs/heads/main
	start=$(date +%s)
	"$OUT/genrepo" -commits "$COMMITS" -seed "$SEED" | git -C "$REPO" fast-import --quiet
	git -C "$REPO" repack -adfq --depth=50 --window=10
	echo "$params" >"$OUT/repo.params"
	echo "generated in $(($(date +%s) - start)) s: $(git -C "$REPO" rev-list --count HEAD) commits," \
		"$(git -C "$REPO" ls-tree -r HEAD | wc -l) files at HEAD"
fi

# measure LABEL CMD...: runs CMD RUNS times, output discarded; sets
# MEDIAN (seconds) and PEAK (KiB) and prints a line.
measure() {
	local label=$1
	shift
	local times=() peak=0 t m
	for ((i = 0; i < RUNS; i++)); do
		/usr/bin/time -f '%e %M' -o "$OUT/time.txt" "$@" >/dev/null
		read -r t m <"$OUT/time.txt"
		times+=("$t")
		((m > peak)) && peak=$m
	done
	MEDIAN=$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END{print a[int((NR+1)/2)]}')
	PEAK=$peak
	printf '%-12s median %6.2f s  (runs: %s)  peak RSS %4d MiB\n' "$label" "$MEDIAN" "${times[*]}" $((PEAK / 1024))
}

ratio() { awk -v a="$1" -v b="$2" 'BEGIN{printf "%.2f", a/b}'; }

commits=$(git -C "$REPO" log --author="$AUTHOR" --no-merges --format=%H | wc -l)
echo "author $AUTHOR: $commits commits of $(git -C "$REPO" rev-list --count HEAD)"

measure "git log" git -C "$REPO" log --author="$AUTHOR" --numstat --no-renames
GIT_MEDIAN=$MEDIAN

go build -o "$OUT/walk" ./bench/walk
measure "bench/walk" "$OUT/walk" -repo "$REPO" -author "$AUTHOR"
echo "bench/walk / git log: $(ratio "$MEDIAN" "$GIT_MEDIAN")x"

# Correctness: compare numstat outputs commit by commit.
"$OUT/walk" -repo "$REPO" -author "$AUTHOR" -numstat >"$OUT/walk.numstat"
git -C "$REPO" log --author="$AUTHOR" --no-merges --format=%H --numstat --no-renames >"$OUT/git.numstat"
awk -F'\t' '
	FNR == 1 { f++ }
	NF == 3 { key = FNR; if (f == 1) ours[FNR] = $0; else theirs[FNR] = $0; p[f, FNR] = $3 }
	NF != 3 { if (f == 1) ours[FNR] = $0; else theirs[FNR] = $0 }
	END {
		for (k in theirs) {
			n++
			if (ours[k] == theirs[k]) continue
			split(ours[k], a, "\t"); split(theirs[k], b, "\t")
			if (a[3] != b[3] || a[3] == "") paths++
			else { counts++; d = b[1] - a[1]; extra += d < 0 ? -d : d }
		}
		printf "check vs git: %d numstat lines, %d with another path or order, %d with other line counts (%d lines apart in total)\n", n, paths, counts, extra
	}' "$OUT/walk.numstat" "$OUT/git.numstat"

bin=${GIT_CAREER:-}
if [[ -z $bin && -d cmd/git-career ]]; then
	bin=$OUT/git-career
	go build -o "$bin" ./cmd/git-career
fi
if [[ -n $bin ]]; then
	measure "git-career" "$bin" --repo "$REPO" --author "$AUTHOR" --since 1970-01-01 --format json
	echo "git-career / git log: $(ratio "$MEDIAN" "$GIT_MEDIAN")x  (target <= 2.5x, peak RSS <= 300 MiB)"
	# Correctness: the tool's commit count and line totals against git's.
	"$bin" --repo "$REPO" --author "$AUTHOR" --since 1970-01-01 --format json >"$OUT/git-career.json"
	ours=$(grep -E '^      "(id|additions|deletions)":' "$OUT/git-career.json" |
		awk '/"id"/ {n++} /"additions"/ {a += $2} /"deletions"/ {d += $2} END {print n, a, d}')
	theirs=$(awk -F'\t' 'NF == 3 {a += $1; d += $2} NF == 1 && $1 != "" {n++} END {print n, a, d}' "$OUT/git.numstat")
	echo "check vs git: git-career commits, added, deleted: $ours; git: $theirs"
	[[ $ours == "$theirs" ]] || { echo "MISMATCH" >&2; exit 1; }
else
	echo "git-career: no cmd/git-career yet and GIT_CAREER unset; skipped"
fi
