package gitengine

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math/bits"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/storer"
	"github.com/klauspost/compress/zlib"
)

// objectStore reads objects straight from a repository's pack files and
// falls back to a go-git storer for everything else (loose objects,
// alternates). It exists because go-git's pack reader dominates the time
// of a history scan: it issues a seek and small reads per object, hashes
// every delta-resolved object again before caching it, and re-opens the
// pack for objects over 16 KiB. Here packs are memory-mapped, indexes are
// searched in place, and resolved delta bases are cached by pack offset.
//
// It embeds the fallback, so it can be passed wherever an
// EncodedObjectStorer is expected; commitFiles takes the fast path when
// given one. It is not safe for concurrent use.
type objectStore struct {
	storer.EncodedObjectStorer
	packs []*pack
	cache *deltaCache
	zr    io.ReadCloser // reused zlib reader
	br    bytes.Reader
	// fallbackMu serialises reads through the fallback, which go-git
	// does not make safe for concurrent use, between this store and its
	// forks (see fork).
	fallbackMu *sync.Mutex
	forked     bool // a fork: the packs are its parent's to close
	// deltaBufs are scratch space for the deltas of one chain, the i-th
	// delta of a chain in the i-th: a delta is dropped once applied.
	deltaBufs [][]byte
	// bufs, when not nil, recycles the buffers of objects the cache
	// evicts (see recycling).
	bufs *bufPool
}

// deltaCacheBytes bounds the memory held by resolved objects; git's own
// core.deltaBaseCacheLimit defaults to 96 MiB.
const deltaCacheBytes = 64 << 20

// openObjectStore opens the packs under gitDir/objects/pack. gitDir is the
// .git directory (or a bare repository).
func openObjectStore(gitDir string, fallback storer.EncodedObjectStorer) (*objectStore, error) {
	s := &objectStore{EncodedObjectStorer: fallback, cache: newDeltaCache(deltaCacheBytes), fallbackMu: &sync.Mutex{}}
	idxs, err := filepath.Glob(filepath.Join(gitDir, "objects", "pack", "pack-*.idx"))
	if err != nil {
		return nil, fmt.Errorf("listing packs in %s: %w", gitDir, err)
	}
	for _, idx := range idxs {
		p, err := openPack(idx)
		if errors.Is(err, errIndexVersion) {
			// Left to the fallback, which reads every index version.
			continue
		}
		if err != nil {
			s.Close()
			return nil, err
		}
		p.id = len(s.packs)
		s.packs = append(s.packs, p)
	}
	return s, nil
}

// fork returns a store over the same pack mappings with its own cache of
// cacheBytes and its own inflater, for another goroutine: the mappings
// are read-only, so two stores can read them at once. Close the parent
// only after the fork is done with; closing a fork drops its cache.
func (s *objectStore) fork(cacheBytes int) *objectStore {
	return &objectStore{EncodedObjectStorer: s.EncodedObjectStorer, packs: s.packs,
		cache: newDeltaCache(cacheBytes), fallbackMu: s.fallbackMu, forked: true}
}

// recycling makes the store reuse the buffers of objects its cache evicts
// for the objects it reads next, rather than leave them to the collector:
// resolving deltas allocated most of a history scan's bytes, and the
// collector's cycles over them cost a tenth of its time. A buffer evicted
// may still be in use by whoever read it, so it is reused only after
// release, which the caller calls when it holds no object it read.
func (s *objectStore) recycling() *objectStore {
	s.bufs = &bufPool{}
	s.cache.retire = true
	return s
}

// release makes the buffers evicted since the last call reusable: the
// caller holds none of the objects it read before.
func (s *objectStore) release() {
	if s.bufs == nil {
		return
	}
	for i, b := range s.cache.retired {
		s.bufs.put(b)
		s.cache.retired[i] = nil
	}
	s.cache.retired = s.cache.retired[:0]
}

// setCacheLimit bounds the store's cache of resolved objects anew.
func (s *objectStore) setCacheLimit(n int) {
	s.cache.limit = n
	s.cache.shrink()
}

// Close releases the pack mappings. It does not close the fallback.
func (s *objectStore) Close() error {
	if s.forked {
		s.cache = newDeltaCache(s.cache.limit)
		return nil
	}
	var first error
	for _, p := range s.packs {
		if err := p.close(); err != nil && first == nil {
			first = err
		}
	}
	s.packs = nil
	s.cache = newDeltaCache(deltaCacheBytes)
	return first
}

// EncodedObject serves packed objects from the fast reader, so go-git code
// given an objectStore benefits too.
func (s *objectStore) EncodedObject(t plumbing.ObjectType, h plumbing.Hash) (plumbing.EncodedObject, error) {
	typ, data, ok, err := s.readPacked(h)
	if err != nil {
		return nil, err
	}
	if !ok {
		s.fallbackMu.Lock()
		defer s.fallbackMu.Unlock()
		return s.EncodedObjectStorer.EncodedObject(t, h)
	}
	if t != plumbing.AnyObject && t != typ {
		return nil, plumbing.ErrObjectNotFound
	}
	return &packedObject{hash: h, typ: typ, data: data}, nil
}

// packedObject is an object read from a pack, handed to go-git without a
// copy, and with the hash it was looked up by: go-git's MemoryObject
// would copy the content and hash it again (a fifth of decoding a commit).
// The content is shared with the cache and must not be written.
type packedObject struct {
	hash plumbing.Hash
	typ  plumbing.ObjectType
	data []byte
}

func (o *packedObject) Hash() plumbing.Hash           { return o.hash }
func (o *packedObject) Type() plumbing.ObjectType     { return o.typ }
func (o *packedObject) SetType(t plumbing.ObjectType) { o.typ = t }
func (o *packedObject) Size() int64                   { return int64(len(o.data)) }
func (o *packedObject) SetSize(int64)                 {}
func (o *packedObject) Reader() (io.ReadCloser, error) {
	return io.NopCloser(bytes.NewReader(o.data)), nil
}
func (o *packedObject) Writer() (io.WriteCloser, error) { return nil, errReadOnlyObject }

var errReadOnlyObject = errors.New("a packed object is read-only")

// read returns an object's content, which the caller must not modify: it
// may be shared with the cache.
func (s *objectStore) read(t plumbing.ObjectType, h plumbing.Hash) ([]byte, error) {
	typ, data, ok, err := s.readPacked(h)
	if err != nil {
		return nil, err
	}
	if !ok {
		s.fallbackMu.Lock()
		defer s.fallbackMu.Unlock()
		return readObjectSlow(s.EncodedObjectStorer, t, h)
	}
	if typ != t {
		return nil, fmt.Errorf("object %s is a %s, not a %s", h, typ, t)
	}
	return data, nil
}

func (s *objectStore) readPacked(h plumbing.Hash) (plumbing.ObjectType, []byte, bool, error) {
	for _, p := range s.packs {
		if off, ok := p.find(h); ok {
			typ, data, err := s.readAt(p, off)
			if err != nil {
				return 0, nil, false, fmt.Errorf("reading %s from %s: %w", h, filepath.Base(p.name), err)
			}
			return typ, data, true, nil
		}
	}
	return 0, nil, false, nil
}

// Pack object types, as stored in an entry's header.
const (
	packCommit   = 1
	packTree     = 2
	packBlob     = 3
	packTag      = 4
	packOfsDelta = 6
	packRefDelta = 7
)

var (
	errCorruptPack  = errors.New("corrupt pack entry")
	errIndexVersion = errors.New("not a version 2 pack index")
)

// readAt resolves the object at off, following its delta chain down to a
// full object or a cached one, then applying the deltas back up. Every
// tree and blob on the way is cached: in a history walk it is likely the
// base of the next object asked for. Commits are read once by a walk and
// are cached only as delta bases: caching them all filled the cache and
// the heap with nothing that was read again.
func (s *objectStore) readAt(p *pack, off uint64) (plumbing.ObjectType, []byte, error) {
	type pending struct {
		off   uint64
		delta []byte
	}
	var chain []pending
	var typ plumbing.ObjectType
	var data []byte
	for {
		if e, ok := s.cache.get(p, off); ok {
			typ, data = e.typ, e.data
			break
		}
		kind, size, hdr, err := p.header(off)
		if err != nil {
			return 0, nil, err
		}
		pos := off + uint64(hdr)
		switch kind {
		case packCommit, packTree, packBlob, packTag:
			data, err = s.inflate(p, pos, size)
			if err != nil {
				return 0, nil, err
			}
			typ = plumbing.ObjectType(kind)
			if len(chain) > 0 || typ == plumbing.TreeObject || typ == plumbing.BlobObject {
				s.cache.put(p, off, typ, data)
			}
		case packOfsDelta:
			rel, n := readOfsOffset(p.data, pos)
			if n == 0 || rel > off {
				return 0, nil, errCorruptPack
			}
			delta, err := s.inflateInto(p, pos+uint64(n), size, s.deltaBuf(len(chain), size))
			if err != nil {
				return 0, nil, err
			}
			chain = append(chain, pending{off, delta})
			off -= rel
			continue
		case packRefDelta:
			if pos+20 > uint64(len(p.data)) {
				return 0, nil, errCorruptPack
			}
			var base plumbing.Hash
			copy(base[:], p.data[pos:pos+20])
			delta, err := s.inflateInto(p, pos+20, size, s.deltaBuf(len(chain), size))
			if err != nil {
				return 0, nil, err
			}
			chain = append(chain, pending{off, delta})
			if boff, ok := p.find(base); ok {
				off = boff
				continue
			}
			// A thin pack's base may live elsewhere. Reading it reuses
			// the scratch space the chain's deltas are in: copy them out.
			for i := range chain {
				chain[i].delta = append([]byte(nil), chain[i].delta...)
			}
			bt, bdata, ok, err := s.readPacked(base)
			if err == nil && !ok {
				s.fallbackMu.Lock()
				var o plumbing.EncodedObject
				o, err = s.EncodedObjectStorer.EncodedObject(plumbing.AnyObject, base)
				if err == nil {
					bt = o.Type()
					bdata, err = readEncoded(o)
				}
				s.fallbackMu.Unlock()
			}
			if err != nil {
				return 0, nil, fmt.Errorf("reading delta base %s: %w", base, err)
			}
			typ, data = bt, bdata
		default:
			return 0, nil, errCorruptPack
		}
		break
	}
	for i := len(chain) - 1; i >= 0; i-- {
		out, err := applyDeltaTo(data, chain[i].delta, s.bufs)
		if err != nil {
			return 0, nil, err
		}
		data = out
		if i > 0 || typ == plumbing.TreeObject || typ == plumbing.BlobObject {
			s.cache.put(p, chain[i].off, typ, data)
		}
	}
	return typ, data, nil
}

// deltaBuf returns scratch space of size bytes for the i-th delta of a
// chain.
func (s *objectStore) deltaBuf(i int, size uint64) []byte {
	for len(s.deltaBufs) <= i {
		s.deltaBufs = append(s.deltaBufs, nil)
	}
	if uint64(cap(s.deltaBufs[i])) < size {
		s.deltaBufs[i] = make([]byte, size)
	}
	return s.deltaBufs[i][:size]
}

// inflate decompresses size bytes of zlib data starting at pos into a new
// buffer.
func (s *objectStore) inflate(p *pack, pos uint64, size uint64) ([]byte, error) {
	return s.inflateInto(p, pos, size, s.bufs.get(size))
}

// inflateInto is inflate into out, which holds size bytes.
func (s *objectStore) inflateInto(p *pack, pos uint64, size uint64, out []byte) ([]byte, error) {
	if pos > uint64(len(p.data)) {
		return nil, errCorruptPack
	}
	s.br.Reset(p.data[pos:])
	if s.zr == nil {
		zr, err := zlib.NewReader(&s.br)
		if err != nil {
			return nil, err
		}
		s.zr = zr
	} else if err := s.zr.(zlib.Resetter).Reset(&s.br, nil); err != nil {
		return nil, err
	}
	if _, err := io.ReadFull(s.zr, out); err != nil {
		return nil, fmt.Errorf("inflating: %w", err)
	}
	p.touched(int(pos), len(p.data)-s.br.Len())
	return out, nil
}

// dropPagesEvery is how many bytes of a pack's and its index's mapped
// pages may be touched before the kernel is told it can drop them. Pages
// of a mapped file count in the resident size once read, and a
// whole-history scan reads nearly all of a pack and, by its binary
// searches, of its index: without this, the resident size grows with the
// pack (240 MB of git/git's). Pages read again come back from the page
// cache. A short scan (a quarter) touches fewer distinct pages than this
// and never drops any.
const dropPagesEvery = 48 << 20

// pageSet records which pages of a mapping were touched since they were
// last dropped, to count distinct pages rather than reads. It counts in
// chunks of 64 KiB: a fault on a mapped file maps the pages around it that
// are in the page cache too (Linux's fault-around, 64 KiB by default), and
// they all count in the resident size. Safe for concurrent use.
type pageSet struct {
	bits  []atomic.Uint64
	count atomic.Int64
}

// chunkShift is log2 of the chunk a pageSet counts in.
const chunkShift = 16

func newPageSet(size int) *pageSet {
	return &pageSet{bits: make([]atomic.Uint64, (size>>chunkShift)/64+1)}
}

// mark records the pages of bytes [from, to) and returns how many were
// not recorded yet.
func (s *pageSet) mark(from, to int) int64 {
	var added int64
	for pg := from >> chunkShift; pg <= (to-1)>>chunkShift; pg++ {
		w, b := pg>>6, uint64(1)<<(pg&63)
		if w < len(s.bits) && s.bits[w].Or(b)&b == 0 {
			added++
		}
	}
	return added
}

func (s *pageSet) reset() {
	for i := range s.bits {
		s.bits[i].Store(0)
	}
}

// touched records that bytes [from, to) of the pack were read, and drops
// the mapped pages (the index's too) once dropPagesEvery bytes of distinct
// pages have been touched.
func (p *pack) touched(from, to int) {
	if p.pages == nil || to <= from {
		return
	}
	if p.pages.count.Add(p.pages.mark(from, to))<<chunkShift < dropPagesEvery {
		return
	}
	p.pages.count.Store(0)
	p.pages.reset()
	p.idxPages.reset()
	dropPages(p.data)
	dropPages(p.idx)
}

// touchedIdx records that bytes [from, to) of the index were read; they
// count toward the same budget as the pack's.
func (p *pack) touchedIdx(from, to int) {
	if p.idxPages != nil {
		p.pages.count.Add(p.idxPages.mark(from, to))
	}
}

// readOfsOffset decodes an OFS_DELTA's distance back to its base: a
// big-endian base-128 number where each continuation adds one, so that
// every length has its own range.
func readOfsOffset(data []byte, pos uint64) (uint64, int) {
	var v uint64
	for i := 0; pos+uint64(i) < uint64(len(data)) && i < 10; i++ {
		c := data[pos+uint64(i)]
		if i > 0 {
			v++
		}
		v = v<<7 | uint64(c&0x7f)
		if c&0x80 == 0 {
			return v, i + 1
		}
	}
	return 0, 0
}

// applyDelta builds an object from its base and a git delta: two sizes,
// then copy-from-base and insert-literal instructions.
func applyDelta(base, delta []byte) ([]byte, error) { return applyDeltaTo(base, delta, nil) }

// applyDeltaTo is applyDelta into a buffer from bufs (nil: a new one).
func applyDeltaTo(base, delta []byte, bufs *bufPool) ([]byte, error) {
	srcSize, n := binary.Uvarint(delta)
	if n <= 0 || srcSize != uint64(len(base)) {
		return nil, fmt.Errorf("delta base size mismatch: %w", errCorruptPack)
	}
	delta = delta[n:]
	dstSize, n := binary.Uvarint(delta)
	if n <= 0 {
		return nil, errCorruptPack
	}
	delta = delta[n:]
	out := bufs.get(dstSize)[:0]
	for len(delta) > 0 {
		op := delta[0]
		delta = delta[1:]
		if op&0x80 == 0 {
			if op == 0 || int(op) > len(delta) {
				return nil, errCorruptPack
			}
			out = append(out, delta[:op]...)
			delta = delta[op:]
			continue
		}
		// Copy: the low 4 bits say which offset bytes follow, the next 3
		// which size bytes; a size of 0 means 64 KiB.
		var off, size uint64
		for i := 0; i < 4; i++ {
			if op&(1<<i) != 0 {
				if len(delta) == 0 {
					return nil, errCorruptPack
				}
				off |= uint64(delta[0]) << (8 * i)
				delta = delta[1:]
			}
		}
		for i := 0; i < 3; i++ {
			if op&(0x10<<i) != 0 {
				if len(delta) == 0 {
					return nil, errCorruptPack
				}
				size |= uint64(delta[0]) << (8 * i)
				delta = delta[1:]
			}
		}
		if size == 0 {
			size = 0x10000
		}
		if off+size > uint64(len(base)) {
			return nil, errCorruptPack
		}
		out = append(out, base[off:off+size]...)
	}
	if uint64(len(out)) != dstSize {
		return nil, fmt.Errorf("delta result size mismatch: %w", errCorruptPack)
	}
	return out, nil
}

// pack is one mapped pack file with its index.
type pack struct {
	name  string
	id    int    // its index in the store's packs, for cache keys
	data  []byte // the .pack file
	idx   []byte // the .idx file
	n     int    // objects
	unmap func() error
	// unmapIdx releases idx, mapped like data.
	unmapIdx func() error
	// pages and idxPages record the pages touched since the last drop.
	pages, idxPages *pageSet
	hashes          []byte // n*20 sorted hashes, within idx
	offs            []byte // n*4 offsets, within idx
	large           []byte // 8-byte offsets for packs over 2 GiB, within idx
}

func openPack(idxPath string) (*pack, error) {
	// The index is mapped too: it is searched at a few places per
	// object, and reading it whole cost git/git 23 MB of heap.
	idx, unmapIdx, err := mapFile(idxPath)
	if err != nil {
		return nil, fmt.Errorf("reading pack index: %w", err)
	}
	p := &pack{name: strings.TrimSuffix(idxPath, ".idx") + ".pack", idx: idx, unmapIdx: unmapIdx}
	ok := false
	defer func() {
		if !ok {
			p.close()
		}
	}()
	// Version 2 index: magic, version, 256-entry fan-out, then hashes,
	// CRCs, 4-byte offsets and 8-byte large offsets.
	if len(idx) < 8+256*4 || !bytes.Equal(idx[:8], []byte{0xff, 't', 'O', 'c', 0, 0, 0, 2}) {
		return nil, fmt.Errorf("pack index %s: %w", idxPath, errIndexVersion)
	}
	p.n = int(binary.BigEndian.Uint32(idx[8+255*4:]))
	base := 8 + 256*4
	if len(idx) < base+p.n*(20+4+4)+40 {
		return nil, fmt.Errorf("pack index %s: truncated", idxPath)
	}
	p.hashes = idx[base : base+p.n*20]
	p.offs = idx[base+p.n*24 : base+p.n*28]
	p.large = idx[base+p.n*28 : len(idx)-40]
	p.data, p.unmap, err = mapFile(p.name)
	if err != nil {
		return nil, fmt.Errorf("mapping pack: %w", err)
	}
	if len(p.data) < 12 || !bytes.Equal(p.data[:4], []byte("PACK")) {
		return nil, fmt.Errorf("pack %s: bad header", p.name)
	}
	p.pages, p.idxPages = newPageSet(len(p.data)), newPageSet(len(p.idx))
	ok = true
	return p, nil
}

func (p *pack) close() error {
	var err error
	if p.unmap != nil {
		err = p.unmap()
		p.unmap = nil
		p.data = nil
	}
	if p.unmapIdx != nil {
		if e := p.unmapIdx(); err == nil {
			err = e
		}
		p.unmapIdx = nil
		p.idx, p.hashes, p.offs, p.large = nil, nil, nil, nil
	}
	return err
}

// find looks h up in the index by binary search within its fan-out
// bucket. Probes compare the hashes' first 8 bytes as a number, and all
// 20 only when those are equal: bytes.Compare per probe was a tenth of a
// history scan.
func (p *pack) find(h plumbing.Hash) (uint64, bool) {
	lo := 0
	if h[0] > 0 {
		lo = int(binary.BigEndian.Uint32(p.idx[8+int(h[0]-1)*4:]))
	}
	hi := int(binary.BigEndian.Uint32(p.idx[8+int(h[0])*4:]))
	key := binary.BigEndian.Uint64(h[:8])
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		e := p.hashes[m*20 : m*20+20]
		k := binary.BigEndian.Uint64(e)
		c := 0
		switch {
		case k < key:
			c = -1
		case k > key:
			c = 1
		default:
			c = bytes.Compare(e[8:], h[8:])
		}
		switch {
		case c == 0:
			// The probes' pages are mostly the same few; the entry's
			// hash and offset are the pages this lookup adds.
			base := 8 + 256*4
			p.touchedIdx(base+m*20, base+m*20+20)
			p.touchedIdx(base+p.n*24+m*4, base+p.n*24+m*4+4)
			return p.offset(m), true
		case c < 0:
			lo = m + 1
		default:
			hi = m
		}
	}
	return 0, false
}

func (p *pack) offset(i int) uint64 {
	o := binary.BigEndian.Uint32(p.offs[i*4:])
	if o&0x80000000 == 0 {
		return uint64(o)
	}
	j := int(o & 0x7fffffff)
	if j*8+8 > len(p.large) {
		return ^uint64(0) // reported as corrupt by header
	}
	return binary.BigEndian.Uint64(p.large[j*8:])
}

// header decodes an entry's type and inflated size, and its length.
func (p *pack) header(off uint64) (kind int, size uint64, n int, err error) {
	if off >= uint64(len(p.data)) {
		return 0, 0, 0, errCorruptPack
	}
	c := p.data[off]
	kind = int(c>>4) & 7
	size = uint64(c & 0x0f)
	shift := 4
	n = 1
	for c&0x80 != 0 {
		if off+uint64(n) >= uint64(len(p.data)) || shift > 60 {
			return 0, 0, 0, errCorruptPack
		}
		c = p.data[off+uint64(n)]
		size |= uint64(c&0x7f) << shift
		shift += 7
		n++
	}
	return kind, size, n, nil
}

// deltaCache is an LRU of resolved objects keyed by pack and offset,
// bounded by the bytes it holds.
type deltaCache struct {
	limit, used int
	// retire keeps the data of evicted entries in retired, for the
	// store to recycle.
	retire  bool
	retired [][]byte
	// root links the entries in a ring, most recent first: root.next is
	// the newest, root.prev the oldest. Entries link themselves, and
	// evicted ones are kept in spare for the next put: two allocations
	// and an interface per object (container/list) were a twentieth of a
	// scan.
	root  cacheEntry
	spare *cacheEntry
	m     map[cacheKey]*cacheEntry
}

// cacheKey is an object's pack (its id) and offset in one number: a map
// of numbers hashes faster than one of structs, and looking up the cache
// was a twentieth of a history scan. cacheKeyOf says whether an object
// has one (packs past 256 TiB, or past the 65,536th, are not cached).
type cacheKey uint64

func cacheKeyOf(p *pack, off uint64) (cacheKey, bool) {
	if p.id >= 1<<16 || off >= 1<<48 {
		return 0, false
	}
	return cacheKey(uint64(p.id)<<48 | off), true
}

type cacheEntry struct {
	key        cacheKey
	typ        plumbing.ObjectType
	data       []byte
	prev, next *cacheEntry
}

func newDeltaCache(limit int) *deltaCache {
	c := &deltaCache{limit: limit, m: map[cacheKey]*cacheEntry{}}
	c.root.next, c.root.prev = &c.root, &c.root
	return c
}

// get returns the entry for an object; it is valid until the next put.
func (c *deltaCache) get(p *pack, off uint64) (*cacheEntry, bool) {
	k, ok := cacheKeyOf(p, off)
	if !ok {
		return nil, false
	}
	e, ok := c.m[k]
	if !ok {
		return nil, false
	}
	c.unlink(e)
	c.pushFront(e)
	return e, true
}

func (c *deltaCache) put(p *pack, off uint64, typ plumbing.ObjectType, data []byte) {
	// An object over a quarter of the budget would flush everything that
	// makes the cache useful.
	if len(data) > c.limit/4 {
		return
	}
	k, ok := cacheKeyOf(p, off)
	if !ok {
		return
	}
	if _, ok := c.m[k]; ok {
		return
	}
	e := c.spare
	if e != nil {
		c.spare = e.next
	} else {
		e = &cacheEntry{}
	}
	e.key, e.typ, e.data = k, typ, data
	c.pushFront(e)
	c.m[k] = e
	c.used += len(data)
	c.shrink()
}

func (c *deltaCache) unlink(e *cacheEntry) {
	e.prev.next, e.next.prev = e.next, e.prev
}

func (c *deltaCache) pushFront(e *cacheEntry) {
	e.prev, e.next = &c.root, c.root.next
	c.root.next.prev = e
	c.root.next = e
}

// shrink evicts the least recently used entries until the cache fits.
func (c *deltaCache) shrink() {
	for c.used > c.limit && c.root.prev != &c.root {
		e := c.root.prev
		c.unlink(e)
		delete(c.m, e.key)
		c.used -= len(e.data)
		if c.retire {
			c.retired = append(c.retired, e.data)
		}
		e.data, e.prev = nil, nil
		e.next, c.spare = c.spare, e
	}
}

// bufPool holds buffers for reuse, by size class: four classes for each
// power of two, so a buffer handed out is at most a quarter bigger than
// asked, and the cache, which counts what it holds by length, holds
// about as much memory as before. It keeps at most bufPoolBytes, so the
// heap stays as flat as without it.
type bufPool struct {
	free  [4 * 64][][]byte
	bytes int
}

const bufPoolBytes = 2 << 20

// bufPoolMin is the smallest buffer worth keeping.
const bufPoolMin = 64

// bufClass is the class of buffers of capacity c: those whose capacity is
// at least bufClassMin of it.
func bufClass(c uint64) int {
	if c < 4 {
		return int(c)
	}
	k := bits.Len64(c) - 1
	return 4*k + int(c>>(k-2))&3
}

// bufClassMin is the least capacity of class i.
func bufClassMin(i int) uint64 {
	if i < 16 {
		return uint64(i) // classes 4-15 are used only for 4 and up: 8-11
	}
	k := i / 4
	return uint64(4+i%4) << (k - 2)
}

// get returns a buffer of n bytes, whose content is not cleared.
func (b *bufPool) get(n uint64) []byte {
	if b == nil || n < bufPoolMin {
		return make([]byte, n)
	}
	// A buffer of n's own class may hold n (an object read again, a tree
	// that changed a little has about the same size); every buffer of the
	// next class does.
	i := bufClass(n)
	for _, j := range [2]int{i, i + 1} {
		if j >= len(b.free) {
			break
		}
		if l := b.free[j]; len(l) > 0 && uint64(cap(l[len(l)-1])) >= n {
			buf := l[len(l)-1]
			l[len(l)-1] = nil
			b.free[j] = l[:len(l)-1]
			b.bytes -= cap(buf)
			return buf[:n]
		}
	}
	return make([]byte, n)
}

// put offers buf for reuse.
func (b *bufPool) put(buf []byte) {
	c := cap(buf)
	if c < bufPoolMin || b.bytes+c > bufPoolBytes {
		return
	}
	i := bufClass(uint64(c))
	b.free[i] = append(b.free[i], buf[:0])
	b.bytes += c
}
