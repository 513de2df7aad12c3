//go:build unix

package classify

import "syscall"

// cpuTime is the CPU time the process has used (all threads, user and
// system), in nanoseconds: on a shared machine a benchmark's wall time
// includes the time other processes held the cores; this does not.
func cpuTime() int64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return ru.Utime.Nano() + ru.Stime.Nano()
}
