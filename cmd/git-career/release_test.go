package main

// Script commands for the Action's fast path (testdata/script/action_release
// .txtar): release archives and their checksums, and a fake GitHub serving
// them as a release on loopback; and GoReleaser's own snapshot, fetched.

import (
	"archive/tar"
	"archive/zip"
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/rogpeppe/go-internal/testscript"
)

// repoRoot is the repository, where action.yml and its script live.
var repoRoot, _ = filepath.Abs(filepath.Join("..", ".."))

// cmdArchive writes a release archive, as GoReleaser lays one out:
//
//	archive OUT.tar.gz|OUT.zip FILE...
//
// FILEs keep their paths relative to the script's directory; a file named
// git-career or git-career.exe is executable.
func cmdArchive(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) < 2 {
		ts.Fatalf("usage: archive OUT.tar.gz|OUT.zip FILE...")
	}
	var buf bytes.Buffer
	mode := func(name string) int64 {
		if b := filepath.Base(name); b == "git-career" || b == "git-career.exe" {
			return 0o755
		}
		return 0o644
	}
	switch out := args[0]; {
	case strings.HasSuffix(out, ".tar.gz"):
		gz := gzip.NewWriter(&buf)
		tw := tar.NewWriter(gz)
		for _, name := range args[1:] {
			b, err := os.ReadFile(ts.MkAbs(name))
			ts.Check(err)
			ts.Check(tw.WriteHeader(&tar.Header{Name: name, Mode: mode(name), Size: int64(len(b)), Typeflag: tar.TypeReg}))
			_, err = tw.Write(b)
			ts.Check(err)
		}
		ts.Check(tw.Close())
		ts.Check(gz.Close())
	case strings.HasSuffix(out, ".zip"):
		zw := zip.NewWriter(&buf)
		for _, name := range args[1:] {
			b, err := os.ReadFile(ts.MkAbs(name))
			ts.Check(err)
			h := &zip.FileHeader{Name: name, Method: zip.Deflate}
			h.SetMode(os.FileMode(mode(name)))
			w, err := zw.CreateHeader(h)
			ts.Check(err)
			_, err = w.Write(b)
			ts.Check(err)
		}
		ts.Check(zw.Close())
	default:
		ts.Fatalf("archive: %q is neither .tar.gz nor .zip", out)
	}
	ts.Check(os.MkdirAll(filepath.Dir(ts.MkAbs(args[0])), 0o755))
	ts.Check(os.WriteFile(ts.MkAbs(args[0]), buf.Bytes(), 0o644))
}

// cmdChecksums writes DIR/checksums.txt over every other file in DIR, in
// GoReleaser's format ("<sha256>  <name>").
func cmdChecksums(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 1 {
		ts.Fatalf("usage: checksums DIR")
	}
	dir := ts.MkAbs(args[0])
	entries, err := os.ReadDir(dir)
	ts.Check(err)
	var b strings.Builder
	for _, e := range entries {
		if e.IsDir() || e.Name() == "checksums.txt" {
			continue
		}
		data, err := os.ReadFile(filepath.Join(dir, e.Name()))
		ts.Check(err)
		fmt.Fprintf(&b, "%x  %s\n", sha256.Sum256(data), e.Name())
	}
	ts.Check(os.WriteFile(filepath.Join(dir, "checksums.txt"), []byte(b.String()), 0o644))
}

// fakeRelease is GitHub's API for one release, and the storage host its
// asset downloads redirect to, on loopback. Files are read from the
// release's folder at each request, so a script can change them.
type fakeRelease struct {
	repo, tag, dir string
	api, storage   *httptest.Server

	mu  sync.Mutex
	log []string
}

func (f *fakeRelease) record(host string, r *http.Request) {
	auth := "no token"
	if a := r.Header.Get("Authorization"); a != "" {
		auth = "token " + strings.Fields(a)[0] // the scheme, never the token
	}
	f.mu.Lock()
	f.log = append(f.log, fmt.Sprintf("%s %s %s %s", host, r.Method, r.URL.Path, auth))
	f.mu.Unlock()
}

func (f *fakeRelease) assets() []string {
	entries, _ := os.ReadDir(f.dir)
	var names []string
	for _, e := range entries {
		if !e.IsDir() {
			names = append(names, e.Name())
		}
	}
	sort.Strings(names)
	return names
}

func (f *fakeRelease) serveAPI(w http.ResponseWriter, r *http.Request) {
	f.record("api", r)
	if r.Method != http.MethodGet {
		http.Error(w, `{"message":"Not Found"}`, http.StatusNotFound)
		return
	}
	prefix := "/repos/" + f.repo + "/releases/"
	names := f.assets()
	switch p := r.URL.Path; {
	case p == prefix+"tags/"+f.tag:
		type asset struct {
			ID          int    `json:"id"`
			Name        string `json:"name"`
			URL         string `json:"url"`
			DownloadURL string `json:"browser_download_url"`
		}
		rel := struct {
			TagName string  `json:"tag_name"`
			Assets  []asset `json:"assets"`
		}{TagName: f.tag, Assets: []asset{}}
		for i, n := range names {
			rel.Assets = append(rel.Assets, asset{ID: i + 1, Name: n, URL: fmt.Sprintf("%s%sassets/%d", f.api.URL, prefix, i+1), DownloadURL: f.storage.URL + "/download/" + n})
		}
		w.Header().Set("Content-Type", "application/json")
		json.NewEncoder(w).Encode(rel)
	case strings.HasPrefix(p, prefix+"assets/"):
		var id int
		if _, err := fmt.Sscanf(strings.TrimPrefix(p, prefix+"assets/"), "%d", &id); err != nil || id < 1 || id > len(names) {
			http.Error(w, `{"message":"Not Found"}`, http.StatusNotFound)
			return
		}
		if r.Header.Get("Accept") != "application/octet-stream" {
			http.Error(w, `{"message":"want Accept: application/octet-stream for the asset's bytes"}`, http.StatusUnsupportedMediaType)
			return
		}
		// As GitHub does: a redirect to a signed URL on another host.
		http.Redirect(w, r, f.storage.URL+"/download/"+names[id-1]+"?signature=fake", http.StatusFound)
	default:
		http.Error(w, `{"message":"Not Found"}`, http.StatusNotFound)
	}
}

func (f *fakeRelease) serveStorage(w http.ResponseWriter, r *http.Request) {
	f.record("storage", r)
	if r.Header.Get("Authorization") != "" {
		// Signed URLs refuse a second credential, as S3's do.
		http.Error(w, "two credentials", http.StatusBadRequest)
		return
	}
	name := strings.TrimPrefix(r.URL.Path, "/download/")
	if strings.Contains(name, "/") {
		http.NotFound(w, r)
		return
	}
	http.ServeFile(w, r, filepath.Join(f.dir, name))
}

// cmdFakeRelease serves DIR as the release TAG of REPO and points
// GITHUB_API_URL at it: fakerelease OWNER/NAME TAG DIR.
func cmdFakeRelease(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 3 {
		ts.Fatalf("usage: fakerelease OWNER/NAME TAG DIR")
	}
	f := newFakeRelease(args[0], args[1], ts.MkAbs(args[2]))
	ts.Defer(f.api.Close)
	ts.Defer(f.storage.Close)
	ts.Setenv("GITHUB_API_URL", f.api.URL+"/")
	releases.Store(ts, f)
	ts.Defer(func() { releases.Delete(ts) })
}

// releases holds each script's fake release (commands cannot set values).
var releases sync.Map // *testscript.TestScript -> *fakeRelease

// cmdReleaseLog prints the requests the fake release served since the
// last call, one a line: host, method, path, and whether a token came.
func cmdReleaseLog(ts *testscript.TestScript, neg bool, args []string) {
	v, _ := releases.Load(ts)
	f, ok := v.(*fakeRelease)
	if neg || len(args) != 0 || !ok {
		ts.Fatalf("usage: releaselog (after fakerelease)")
	}
	w := ts.Stdout() // empty when nothing was asked, not the last command's
	f.mu.Lock()
	defer f.mu.Unlock()
	for _, l := range f.log {
		fmt.Fprintln(w, l)
	}
	f.log = nil
}

// newFakeRelease serves dir as the release tag of repo, on loopback.
func newFakeRelease(repo, tag, dir string) *fakeRelease {
	f := &fakeRelease{repo: repo, tag: tag, dir: dir}
	f.api = httptest.NewServer(http.HandlerFunc(f.serveAPI))
	f.storage = httptest.NewServer(http.HandlerFunc(f.serveStorage))
	return f
}

// GoReleaser's own output, fetched by the Action's script: .ci/run builds
// a one-target snapshot release and points GIT_CAREER_DIST at its dist
// folder. The binary fetched must be the one GoReleaser built, stamped with
// the snapshot's version.
func TestFetchGoReleaserSnapshot(t *testing.T) {
	dist := os.Getenv("GIT_CAREER_DIST")
	if dist == "" {
		t.Skip("GIT_CAREER_DIST is not set: .ci/run sets it after a GoReleaser snapshot build")
	}
	for _, tool := range []string{"bash", "curl", "jq"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("%s is not installed: the fetch step needs it", tool)
		}
	}
	b, err := os.ReadFile(filepath.Join(dist, "metadata.json"))
	if err != nil {
		t.Fatal(err)
	}
	var meta struct {
		Version string `json:"version"`
	}
	if err := json.Unmarshal(b, &meta); err != nil || meta.Version == "" {
		t.Fatalf("%s/metadata.json: no version (%v)", dist, err)
	}
	// The release's assets: the archives and checksums.txt, as GitHub
	// would hold them.
	assets := t.TempDir()
	entries, err := os.ReadDir(dist)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if n := e.Name(); n == "checksums.txt" || strings.HasSuffix(n, ".tar.gz") || strings.HasSuffix(n, ".zip") {
			data, err := os.ReadFile(filepath.Join(dist, n))
			if err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(assets, n), data, 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	tag := "v" + meta.Version
	f := newFakeRelease("git-career/git-career", tag, assets)
	defer f.api.Close()
	defer f.storage.Close()

	tmp := t.TempDir()
	out := filepath.Join(tmp, "github-output")
	cmd := exec.Command("bash", filepath.Join(repoRoot, "action", "fetch-release.sh"))
	cmd.Env = append(os.Environ(),
		"ACTION_REF="+tag, "ACTION_REPOSITORY=git-career/git-career", "GIT_CAREER_TOKEN=t0ken",
		"GITHUB_API_URL="+f.api.URL, "RUNNER_OS=Linux", "RUNNER_ARCH=X64",
		"RUNNER_TEMP="+tmp, "GITHUB_OUTPUT="+out)
	start := time.Now()
	log, err := cmd.CombinedOutput()
	took := time.Since(start)
	if err != nil {
		t.Fatalf("fetch-release.sh: %v\n%s", err, log)
	}
	if got, _ := os.ReadFile(out); string(got) != "fetched=true\n" {
		t.Fatalf("GITHUB_OUTPUT %q, want fetched=true; the log:\n%s", got, log)
	}
	version, err := exec.Command(filepath.Join(tmp, "git-career"), "--version").Output()
	if err != nil {
		t.Fatal(err)
	}
	if want := "git-career " + tag + " ("; !strings.HasPrefix(string(version), want) {
		t.Errorf("the fetched binary says %q, want it to start %q", version, want)
	}
	// The fast path's start-up on loopback: download, verify, extract, and
	// the --version run (printed with go test -v).
	t.Logf("fetch-release.sh took %v:\n%s", took.Round(time.Millisecond), log)
}
