// Command impact measures what the impact measures cost: it runs the
// whole pipeline (brag.Run, as `git career --no-github` does, Markdown
// out) on one repository, author and quarter, alternately without and
// with the measures, and prints each run, the medians, their ratio and
// the load average before and after (from /proc/loadavg): on a shared
// machine the ratio means something only when the load stayed low.
//
//	go run ./bench/impact -repo /path/to/git -author ps@pks.im -quarter 2024Q2 -runs 7
//
// "Now" is pinned (-now, default: the repository's newest commit date
// plus a day), so that both kinds of run read the same windows. The goal
// (issue 20): the measures add at most 30% to a quarter's run.
package main

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"os"
	"runtime"
	"runtime/pprof"
	"slices"
	"strings"
	"syscall"
	"time"

	"github.com/git-career/git-career/analyzer/history"
	"github.com/git-career/git-career/analyzer/work"
	"github.com/git-career/git-career/brag"
)

func main() {
	repo := flag.String("repo", ".", "repository (work tree or bare)")
	author := flag.String("author", "", "email of the author")
	quarter := flag.String("quarter", "", "quarter, such as 2024Q2")
	runs := flag.Int("runs", 5, "runs of each kind")
	nowFlag := flag.String("now", "", "the run's now, YYYY-MM-DD (default: a day after the newest commit)")
	out := flag.String("o", "", "write the last doc with the measures here")
	prof := flag.String("cpuprofile", "", "write a CPU profile of the runs with the measures here")
	flag.Parse()
	if *author == "" || *quarter == "" {
		fail(fmt.Errorf("-author and -quarter are required"))
	}
	now, err := runNow(*repo, *nowFlag)
	if err != nil {
		fail(err)
	}
	period, err := work.Quarter(*quarter, now)
	if err != nil {
		fail(err)
	}
	fmt.Printf("%s: %s, %s, now %s\n", *repo, *author, period.Label, now.Format(time.DateOnly))
	fmt.Printf("load average before: %s\n", loadavg())
	var off, on, cpuOff, cpuOn []time.Duration
	var doc []byte
	for i := 0; i < *runs; i++ {
		for _, measure := range []bool{false, true} {
			runtime.GC()
			c0 := cpuTime()
			if measure && *prof != "" {
				f, err := os.Create(*prof)
				if err != nil {
					fail(err)
				}
				pprof.StartCPUProfile(f)
			}
			d, b, err := run(*repo, *author, period, now, measure)
			if measure && *prof != "" {
				pprof.StopCPUProfile()
			}
			if err != nil {
				fail(err)
			}
			c := cpuTime() - c0
			if measure {
				on, cpuOn, doc = append(on, d), append(cpuOn, c), b
			} else {
				off, cpuOff = append(off, d), append(cpuOff, c)
			}
			fmt.Printf("run %d, measures %-3v %6.3f s (cpu %6.3f s)\n", i+1, onOff(measure), d.Seconds(), c.Seconds())
		}
	}
	fmt.Printf("load average after: %s\n", loadavg())
	mOff, mOn := median(off), median(on)
	fmt.Printf("median without the measures %.3f s, with %.3f s: %+.0f%%\n", mOff.Seconds(), mOn.Seconds(),
		100*(mOn.Seconds()/mOff.Seconds()-1))
	cOff, cOn := median(cpuOff), median(cpuOn)
	fmt.Printf("median cpu time without %.3f s, with %.3f s: %+.0f%%\n", cOff.Seconds(), cOn.Seconds(),
		100*(cOn.Seconds()/cOff.Seconds()-1))
	fmt.Printf("measured lines in the doc: %d\n", bytes.Count(doc, []byte("<!-- git-career:measured ")))
	if *out != "" {
		if err := os.WriteFile(*out, doc, 0o644); err != nil {
			fail(err)
		}
	}
}

func onOff(b bool) string {
	if b {
		return "on"
	}
	return "off"
}

// run is one whole run: the repository opened, read, measured (or not)
// and rendered.
func run(path, author string, period work.Period, now time.Time, measure bool) (time.Duration, []byte, error) {
	start := time.Now()
	r, err := history.Open(path)
	if err != nil {
		return 0, nil, err
	}
	defer r.Close()
	res, err := brag.Run(context.Background(), brag.Request{
		Repos: []*history.Repo{r}, Identity: work.Identity{Emails: []string{author}},
		Read: period, GitHub: brag.GitHub{Off: true}, Now: now, NoImpact: !measure,
	})
	if err != nil {
		return 0, nil, err
	}
	return time.Since(start), res.Out, nil
}

// runNow is -now, or a day after the repository's newest commit.
func runNow(path, flagValue string) (time.Time, error) {
	if flagValue != "" {
		return time.ParseInLocation(time.DateOnly, flagValue, time.Local)
	}
	r, err := history.Open(path)
	if err != nil {
		return time.Time{}, err
	}
	defer r.Close()
	t, err := r.Newest()
	if err != nil {
		return time.Time{}, err
	}
	return t.AddDate(0, 0, 1), nil
}

// cpuTime is the process's user and system time so far.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

func median(ds []time.Duration) time.Duration {
	s := slices.Clone(ds)
	slices.Sort(s)
	return s[len(s)/2]
}

func loadavg() string {
	b, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return "unknown"
	}
	return strings.Join(strings.Fields(string(b))[:3], " ")
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "impact:", err)
	os.Exit(1)
}
