//go:build !unix

package gitengine

import "os"

// mapFile reads the whole file where memory mapping is not available.
func mapFile(path string) ([]byte, func() error, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, nil, err
	}
	return data, func() error { return nil }, nil
}

// dropPages does nothing where files are read rather than mapped.
func dropPages([]byte) {}
