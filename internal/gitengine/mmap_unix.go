//go:build unix

package gitengine

import (
	"os"
	"syscall"
)

// mapFile maps a file read-only. Pack files are read at random offsets
// many thousand times; a mapping turns each read into a memory access.
func mapFile(path string) ([]byte, func() error, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, nil, err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, nil, err
	}
	if st.Size() == 0 {
		return nil, func() error { return nil }, nil
	}
	data, err := syscall.Mmap(int(f.Fd()), 0, int(st.Size()), syscall.PROT_READ, syscall.MAP_SHARED)
	if err != nil {
		return nil, nil, err
	}
	return data, func() error { return syscall.Munmap(data) }, nil
}

// dropPages tells the kernel that the mapped pages of data are not needed
// for now: they leave the resident size and are read again from the page
// cache when touched.
func dropPages(data []byte) {
	if len(data) > 0 {
		_ = syscall.Madvise(data, syscall.MADV_DONTNEED) // advice: nothing to do if refused
	}
}
