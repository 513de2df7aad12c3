package commitmodel

import (
	"path"
	"slices"
	"strconv"
	"strings"
)

// File is one changed path with its line counts (0 for binary files).
type File struct {
	Path      string
	Additions int
	Deletions int
	Binary    bool
}

// Input is what the model reads: the subject with any Conventional or
// area prefix already removed, the body, and the changed files (none for
// a pull request read from its title and description alone).
type Input struct {
	Subject string
	Body    string
	Files   []File
}

// Limits on how much of a message is read: subjects are short, and the end
// of a long body (a bot's release notes, a PR template) says little.
const (
	maxSubjectWords = 32
	maxBodyWords    = 80
	maxDirDepth     = 4
)

// Features returns the names of the features of in, sorted and unique.
// Every feature is binary. The prefixes name the family, which Reasons
// turns into words:
//
//	w:  a word of the subject        b:  two words of the subject
//	f:  the subject's first word     bw: a word of the body
//	k:  a kind of path changed       all:, most: every / most files of a kind
//	e:  a file extension             d:  a folder name   n: a file name
//	x:  the first word with the kind of the files
//	and the shape: sl: subject length, body:, nf: files, a:/r: lines
//	added/removed, add-only, delete-only, in-place.
func Features(in Input) []string {
	fs := make([]string, 0, 96)
	ws := words(in.Subject, maxSubjectWords)
	for i, w := range ws {
		fs = append(fs, "w:"+w)
		if i > 0 {
			fs = append(fs, "b:"+ws[i-1]+" "+w)
		}
	}
	first := "-"
	if len(ws) > 0 {
		first = ws[0]
		fs = append(fs, "f:"+first)
	}
	fs = append(fs, "sl:"+bucket(len(ws), 1, 2, 3, 6, 10))
	lower := strings.ToLower(in.Subject)
	for _, v := range vocab {
		if v.re.MatchString(lower) {
			fs = append(fs, "v:"+v.name)
		}
	}
	if strings.Contains(in.Subject, "`") {
		fs = append(fs, "code-span")
	}

	bws := words(bodyText(in.Body), maxBodyWords)
	for _, w := range bws {
		fs = append(fs, "bw:"+w)
	}
	fs = append(fs, "body:"+bucket(len(bws), 0, 10, 40))

	fs = fileFeatures(fs, in.Files, first)
	slices.Sort(fs)
	return slices.Compact(fs)
}

func fileFeatures(fs []string, files []File, first string) []string {
	if len(files) == 0 {
		return append(fs, "nofiles", "x:"+first+"|nofiles")
	}
	var counts [len(kindNames)]int
	added, deleted, binary := 0, 0, false
	for _, f := range files {
		k := KindOf(f.Path)
		counts[k]++
		added += f.Additions
		deleted += f.Deletions
		binary = binary || f.Binary
		lp := strings.ToLower(f.Path)
		base := path.Base(lp)
		if ext := path.Ext(base); ext != "" && len(ext) <= 8 {
			fs = append(fs, "e:"+ext)
		}
		fs = append(fs, "n:"+base)
		dir := path.Dir(lp)
		for depth := 0; dir != "." && dir != "/" && depth < maxDirDepth; depth++ {
			seg, rest, _ := strings.Cut(dir, "/")
			fs = append(fs, "d:"+seg)
			if rest == "" {
				break
			}
			dir = rest
		}
	}
	n := len(files)
	dominant, kinds := "mixed", 0
	for k, c := range counts {
		if c == 0 {
			continue
		}
		kinds++
		name := kindNames[k]
		fs = append(fs, "k:"+name)
		switch {
		case c == n:
			fs = append(fs, "all:"+name)
			dominant = name
		case 2*c >= n:
			fs = append(fs, "most:"+name)
		}
	}
	fs = append(fs, "nk:"+bucket(kinds, 1, 2), "x:"+first+"|"+dominant)
	fs = append(fs, "nf:"+bucket(n, 1, 2, 5, 20), "a:"+bucket(added, 0, 2, 10, 50, 200, 1000), "r:"+bucket(deleted, 0, 2, 10, 50, 200, 1000))
	switch {
	case deleted == 0 && added > 0:
		fs = append(fs, "add-only")
	case added == 0 && deleted > 0:
		fs = append(fs, "delete-only")
	case added == deleted:
		fs = append(fs, "in-place")
	}
	if binary {
		fs = append(fs, "binary")
	}
	return fs
}

// bucket names the interval of the bounds that n falls into: "≤b" for the
// first bound it does not exceed, ">last" above them all.
func bucket(n int, bounds ...int) string {
	for _, b := range bounds {
		if n <= b {
			return "≤" + strconv.Itoa(b)
		}
	}
	return ">" + strconv.Itoa(bounds[len(bounds)-1])
}
