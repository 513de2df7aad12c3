package github

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"io"
	"net/http"
	"os"
	"path/filepath"
)

// NewCacheTransport returns a transport that makes GET requests
// conditional: it keeps each 200 answer's ETag, Last-Modified, headers and
// body in a file under dir, sends If-None-Match (and If-Modified-Since) the
// next time, and turns a 304 back into the stored 200 for go-github to
// parse. A 304 costs nothing against GitHub's primary limit, so a second
// run over the same period is nearly free.
//
// Files are named by a hash of method, URL, Accept and a hash of the
// Authorization header: GitHub's ETags vary with the token, and the token
// itself is never written. A nil next means http.DefaultTransport.
func NewCacheTransport(dir string, next http.RoundTripper) http.RoundTripper {
	if next == nil {
		next = http.DefaultTransport
	}
	return &cacheTransport{dir: dir, next: next}
}

type cacheTransport struct {
	dir  string
	next http.RoundTripper
}

// httpCacheEntry is one stored answer.
type httpCacheEntry struct {
	URL          string      `json:"url"` // for people reading the directory
	ETag         string      `json:"etag,omitempty"`
	LastModified string      `json:"last_modified,omitempty"`
	Header       http.Header `json:"header"`
	Body         []byte      `json:"body"`
}

// cacheKeptHeaders are the stored headers a 304 may not repeat but the
// client needs: Link carries pagination.
var cacheKeptHeaders = []string{"Content-Type", "Link", "X-GitHub-Media-Type"}

func (c *cacheTransport) key(req *http.Request) string {
	auth := sha256.Sum256([]byte(req.Header.Get("Authorization")))
	h := sha256.New()
	for _, part := range []string{req.Method, req.URL.String(), req.Header.Get("Accept"), hex.EncodeToString(auth[:])} {
		h.Write([]byte(part))
		h.Write([]byte{0})
	}
	return hex.EncodeToString(h.Sum(nil))
}

func (c *cacheTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	if req.Method != http.MethodGet {
		return c.next.RoundTrip(req)
	}
	path := filepath.Join(c.dir, c.key(req)+".json")
	stored := c.load(path)
	if stored != nil {
		req = req.Clone(req.Context())
		if stored.ETag != "" {
			req.Header.Set("If-None-Match", stored.ETag)
		}
		if stored.LastModified != "" {
			req.Header.Set("If-Modified-Since", stored.LastModified)
		}
	}
	resp, err := c.next.RoundTrip(req)
	if err != nil {
		return nil, err
	}
	switch {
	case resp.StatusCode == http.StatusNotModified && stored != nil:
		drain(resp)
		// The fresh headers (rate limits) win; the stored ones fill in
		// what a 304 leaves out.
		for _, k := range cacheKeptHeaders {
			if resp.Header.Get(k) == "" && stored.Header.Get(k) != "" {
				resp.Header.Set(k, stored.Header.Get(k))
			}
		}
		resp.Header.Set(cacheHeader, "revalidated")
		resp.StatusCode, resp.Status = http.StatusOK, "200 OK"
		resp.Body = io.NopCloser(bytes.NewReader(stored.Body))
		resp.ContentLength = int64(len(stored.Body))
		return resp, nil
	case resp.StatusCode == http.StatusOK && (resp.Header.Get("ETag") != "" || resp.Header.Get("Last-Modified") != ""):
		body, err := io.ReadAll(resp.Body)
		resp.Body.Close()
		if err != nil {
			return nil, err
		}
		resp.Body = io.NopCloser(bytes.NewReader(body))
		e := httpCacheEntry{URL: req.URL.Redacted(), ETag: resp.Header.Get("ETag"),
			LastModified: resp.Header.Get("Last-Modified"), Header: http.Header{}, Body: body}
		for _, k := range cacheKeptHeaders {
			if v := resp.Header.Get(k); v != "" {
				e.Header.Set(k, v)
			}
		}
		// A cache that cannot be written only costs the next run requests.
		_ = c.store(path, &e)
	}
	return resp, nil
}

func (c *cacheTransport) load(path string) *httpCacheEntry {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil
	}
	var e httpCacheEntry
	if json.Unmarshal(b, &e) != nil || (e.ETag == "" && e.LastModified == "") {
		return nil
	}
	return &e
}

// store writes atomically (temp file, then rename), so that an
// interrupted run or a concurrent one never leaves half an entry.
func (c *cacheTransport) store(path string, e *httpCacheEntry) error {
	b, err := json.Marshal(e)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(c.dir, 0o700); err != nil {
		return err
	}
	// Temp file and rename, so a reader never sees half an entry; no
	// fsync: an entry lost in a crash costs one request, and corrupt ones
	// are ignored.
	f, err := os.CreateTemp(c.dir, ".tmp-*")
	if err != nil {
		return err
	}
	if _, err := f.Write(b); err != nil {
		f.Close()
		os.Remove(f.Name())
		return err
	}
	if err := f.Close(); err != nil {
		os.Remove(f.Name())
		return err
	}
	if err := os.Rename(f.Name(), path); err != nil {
		os.Remove(f.Name())
		return err
	}
	return nil
}
