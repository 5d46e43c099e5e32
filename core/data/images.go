package data

import (
	"bytes"
	"compress/gzip"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"slices"
)

// Images is a labelled set of grey-level images: the shipped data sets
// (see Load). Image n is point n of X, its pixels row by row scaled to
// [0, 1]; Labels[n] is its class.
type Images struct {
	Name    string
	W, H    int // pixels per row, rows
	Levels  int // the source's largest pixel value (16 for digits, 255 for mnist)
	Classes int
	X       *Set // N points of dimension W·H
	Labels  []int
}

// N returns the number of images.
func (im *Images) N() int { return im.X.N }

// Subset returns the images with the given indices, in that order (copies).
func (im *Images) Subset(idx []int) *Images {
	d := im.X.D
	out := &Images{Name: im.Name, W: im.W, H: im.H, Levels: im.Levels, Classes: im.Classes,
		X: NewSet(len(idx), d), Labels: make([]int, len(idx))}
	for i, n := range idx {
		copy(out.X.At(i), im.X.At(n))
		out.Labels[i] = im.Labels[n]
	}
	return out
}

// Split divides the images into a training and a test set, drawing the
// test images from r: a fraction testFrac of each class (rounded), so that
// both sets keep the classes' proportions. Both keep the original order;
// the same r state gives the same split.
func (im *Images) Split(testFrac float64, r *rand.Rand) (train, test *Images) {
	if testFrac < 0 || testFrac > 1 {
		panic("data: Split needs a test fraction in [0, 1]")
	}
	byClass := make([][]int, im.Classes)
	for n, c := range im.Labels {
		byClass[c] = append(byClass[c], n)
	}
	isTest := make([]bool, im.N())
	for _, members := range byClass {
		r.Shuffle(len(members), func(i, j int) { members[i], members[j] = members[j], members[i] })
		k := int(testFrac*float64(len(members)) + 0.5)
		for _, n := range members[:k] {
			isTest[n] = true
		}
	}
	var tr, te []int
	for n, t := range isTest {
		if t {
			te = append(te, n)
		} else {
			tr = append(tr, n)
		}
	}
	return im.Subset(tr), im.Subset(te)
}

// imagesMagic starts a shipped image file (after gunzip):
//
//	"AEIM", version 1, levels (uint8), W, H (uint16), N (uint32), classes
//	(uint8), then N labels and N·W·H pixels, one byte each, big-endian,
//
// the smallest layout that keeps both data sets exact; gzip does the rest.
const imagesMagic = "AEIM\x01"

const imagesHeader = len(imagesMagic) + 1 + 2 + 2 + 4 + 1

// EncodeImages lays out n = len(labels) images of w×h pixels (values 0 to
// levels, row by row, image after image) in the format DecodeImages reads
// (before compression): the command that regenerates the shipped files
// (cmd/datagen) writes it.
func EncodeImages(w, h, levels, classes int, labels, pixels []byte) []byte {
	if len(pixels) != len(labels)*w*h {
		panic("data: EncodeImages needs len(pixels) == len(labels)·w·h")
	}
	b := make([]byte, 0, imagesHeader+len(labels)+len(pixels))
	b = append(b, imagesMagic...)
	b = append(b, byte(levels))
	b = binary.BigEndian.AppendUint16(b, uint16(w))
	b = binary.BigEndian.AppendUint16(b, uint16(h))
	b = binary.BigEndian.AppendUint32(b, uint32(len(labels)))
	b = append(b, byte(classes))
	b = append(b, labels...)
	return append(b, pixels...)
}

// DecodeImages reads a gzip-compressed image file (EncodeImages's layout),
// or one already unpacked: a host that labels the .gz file with
// Content-Encoding: gzip has the browser unpack it before fetch() sees it.
func DecodeImages(name string, gz []byte) (*Images, error) {
	raw := gz
	if !bytes.HasPrefix(gz, []byte(imagesMagic)) {
		zr, err := gzip.NewReader(bytes.NewReader(gz))
		if err != nil {
			return nil, fmt.Errorf("data: %s: %w", name, err)
		}
		if raw, err = io.ReadAll(zr); err != nil {
			return nil, fmt.Errorf("data: %s: %w", name, err)
		}
	}
	if len(raw) < imagesHeader || string(raw[:len(imagesMagic)]) != imagesMagic {
		return nil, fmt.Errorf("data: %s is not an image file", name)
	}
	p := raw[len(imagesMagic):]
	levels := int(p[0])
	w, h := int(binary.BigEndian.Uint16(p[1:])), int(binary.BigEndian.Uint16(p[3:]))
	n := int(binary.BigEndian.Uint32(p[5:]))
	classes := int(p[9])
	body := raw[imagesHeader:]
	if levels == 0 || classes == 0 || len(body) != n+n*w*h {
		return nil, errors.New("data: " + name + ": sizes do not match the header")
	}
	im := &Images{Name: name, W: w, H: h, Levels: levels, Classes: classes,
		X: NewSet(n, w*h), Labels: make([]int, n)}
	for i, l := range body[:n] {
		if int(l) >= classes {
			return nil, fmt.Errorf("data: %s: label %d of image %d ≥ %d classes", name, l, i, classes)
		}
		im.Labels[i] = int(l)
	}
	scale := 1 / float64(levels)
	for i, v := range body[n:] {
		if int(v) > levels {
			return nil, fmt.Errorf("data: %s: pixel value %d > %d", name, v, levels)
		}
		im.X.X[i] = float64(v) * scale
	}
	return im, nil
}

// ClassCounts returns how many images each class has.
func (im *Images) ClassCounts() []int {
	c := make([]int, im.Classes)
	for _, l := range im.Labels {
		c[l]++
	}
	return c
}

// Names lists the data sets Load knows, in a stable order.
func Names() []string {
	names := make([]string, 0, len(catalog))
	for n := range catalog {
		names = append(names, n)
	}
	slices.Sort(names)
	return names
}
