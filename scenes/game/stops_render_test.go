package game

import (
	"fmt"
	"image"
	"strings"
	"testing"

	"aelab/scenes/app"
)

// classSizes are the screens a class meets: a laptop, a projector in
// presenter mode and a phone.
var classSizes = []struct {
	w, h      int
	presenter bool
}{{1280, 800, false}, {1920, 1080, true}, {390, 844, false}}

// renderShots draws query (a scene or a guided-lecture stop) after steps
// of training at each of classSizes, saves it to out/name-WxH.png for a
// person to look at and hands the picture to check.
func renderShots(t *testing.T, query, name string, steps int, check func(img *image.RGBA, w, h int)) {
	t.Helper()
	for _, sz := range classSizes {
		q := query + "&paused=1&seed=1"
		if sz.presenter {
			q += "&presenter=1"
		}
		g := newGame(q)
		frame(t, g, 2)
		g.Do(func(a *app.App) { a.Train(steps) })
		img := shotAt(t, g, sz.w, sz.h)
		save(t, img, fmt.Sprintf("%s-%dx%d.png", name, sz.w, sz.h))
		check(img, sz.w, sz.h)
	}
}

// renderStops is renderShots for each guided-lecture stop of scene, found
// by its scene line (the stops' numbers move as scenes are added): check
// also gets the stop's number and its set line.
func renderStops(t *testing.T, scene string, steps int, check func(stop int, set string, img *image.RGBA, w, h int)) {
	t.Helper()
	found := 0
	for i, s := range app.Tour {
		if s.Scene != scene {
			continue
		}
		found++
		var set []string
		for _, kv := range s.Set {
			set = append(set, kv.Name+"="+kv.Value)
		}
		renderShots(t, fmt.Sprintf("tour=%d", i+1), fmt.Sprintf("render-%s-stop%d", scene, i+1), steps,
			func(img *image.RGBA, w, h int) { check(i+1, strings.Join(set, "&"), img, w, h) })
	}
	if found == 0 {
		t.Fatalf("the guided lecture has no stop of scene %s", scene)
	}
}
