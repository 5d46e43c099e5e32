package static

import (
	"bytes"
	"context"
	"image"
	"image/png"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
	"github.com/makiuchi-d/gozxing"
	"github.com/makiuchi-d/gozxing/qrcode"

	"aelab/scenes"
	"aelab/scenes/app"
	"aelab/scenes/ui"
)

// The share dialog and the text alternative in the browser (issue 12).

// viewShot is what the screen shows now, in device pixels.
func (p *page) viewShot(name string) image.Image {
	p.t.Helper()
	buf, err := chromedp.Run(p.ctx, chromedp.CaptureScreenshot())
	if err != nil {
		p.t.Fatal(err)
	}
	save(p.t, name, buf)
	img, err := png.Decode(bytes.NewReader(buf))
	if err != nil {
		p.t.Fatal(err)
	}
	return img
}

// TestBrowserShareDialog: on a lecture hall's screens (1280×800,
// 1920×1080 in presenter mode) and a phone (390×844), the key L opens the
// share dialog; Tab and Enter tick "scene tabs"; the screenshot shows a QR
// code that gozxing reads as the link to this setting at the page's own
// address, with the tabs hidden; the link opens that lab; Esc closes the
// dialog. The screenshots are out/browser-share-*.png.
func TestBrowserShareDialog(t *testing.T) {
	for _, sz := range []struct {
		name  string
		w, h  int64
		dpr   float64
		touch bool
		query string
	}{
		{"1280x800", 1280, 800, 1, false, "?scene=denoise&seed=3&noise=0.3&paused=1"},
		{"1920x1080-presenter", 1920, 1080, 1, false, "?scene=contractive&presenter=1&paused=1"},
		{"390x844", 390, 844, 3, true, "?scene=pca&rotation=45&paused=1"},
	} {
		t.Run(sz.name, func(t *testing.T) {
			opts := []chromedp.EmulateViewportOption{chromedp.EmulateScale(sz.dpr)}
			if sz.touch {
				opts = append(opts, chromedp.EmulateTouch)
			}
			p := open(t, sz.query, chromedp.EmulateViewport(sz.w, sz.h, opts...))
			p.focusCanvas(sz.query)
			p.key("l")
			p.key(kb.Tab)
			p.key(kb.Enter) // space would tick it too, and scroll a phone's page
			eval[any](p, `window.scrollTo(0, 0), 0`)
			p.frame()
			img := p.viewShot("browser-share-" + sz.name + ".png")

			// the same dialog laid out by the same Go code, for the link and
			// where the code is
			base := eval[string](p, `location.origin + location.pathname`)
			a := p.layout(sz.query)
			a.Platform.Link = func(q string) string { return base + "?" + q }
			for _, k := range []string{"l", "tab", "enter"} {
				a.Update(&ui.Input{Keys: []string{k}})
			}
			want := a.ShareLink()
			if !strings.Contains(want, "tabs_hide=1") {
				t.Fatalf("the dialog's link %q does not hide the tabs", want)
			}
			r := a.ShareCodeRect()
			crop := image.Rect(int(r.X), int(r.Y), int(r.Right()), int(r.Bottom()))
			sub, ok := img.(interface {
				SubImage(image.Rectangle) image.Image
			})
			if !ok {
				t.Fatalf("screenshot %T cannot be cropped", img)
			}
			bmp, err := gozxing.NewBinaryBitmapFromImage(sub.SubImage(crop))
			if err != nil {
				t.Fatal(err)
			}
			res, err := qrcode.NewQRCodeReader().Decode(bmp, nil)
			if err != nil {
				t.Fatalf("no QR code read at %v of the screenshot: %v", crop, err)
			}
			if res.GetText() != want {
				t.Errorf("the QR code on screen reads %q, want %q", res.GetText(), want)
			}
			t.Logf("%s: the code is %.0f device px square for a %d px high screen", sz.name, r.W, int64(float64(sz.h)*sz.dpr))

			// Esc closes it; the link opens the lab it names
			p.key(kb.Escape)
			p.navigate(want[len(base):])
			if s := p.state(); "?scene="+s.Scene != want[len(base):len(base)+len("?scene=")+len(s.Scene)] {
				t.Errorf("the link opened scene %s", s.Scene)
			}
			if !strings.Contains(eval[string](p, `location.search`), "tabs_hide=1") {
				t.Errorf("the link's lab lost tabs_hide: %s", eval[string](p, `location.search`))
			}
			p.noErrors()
		})
	}
}

// liveText is the text of the page's aria-live region.
func (p *page) liveText() string {
	p.t.Helper()
	return eval[string](p, `document.getElementById("aelab-live").textContent`)
}

// TestBrowserLiveRegion is issue 12's "the aria-live text is asserted for
// each scene": after training each scene, the page's aria-live region
// names the scene and its main readout with the value state() reports, as
// the readout box shows it; the key A says it again.
func TestBrowserLiveRegion(t *testing.T) {
	const query = "?scene=pca&seed=1&paused=1"
	p := open(t, query)
	if role := eval[string](p, `document.getElementById("aelab-live").getAttribute("aria-live")`); role != "polite" {
		t.Fatalf("aria-live=%q, want polite", role)
	}
	for _, sc := range scenes.All() {
		id := sc.Info().ID
		eval[any](p, `aelab.scene("`+id+`"), 0`)
		la := app.New(app.Options{Scenes: scenes.All(), Query: app.ParseQuery("scene=" + id)})
		info := la.Scene().Info()
		if !p.measured() {
			t.Errorf("%s: %s never measured", id, info.Metrics[0].Name)
		}
		s := p.train(100)
		m := info.Metrics[0]
		m.Value = s.Metrics[m.Name]
		want := app.LiveReadout(m)
		if !until(func() bool {
			text := p.liveText()
			return strings.Contains(text, info.Tab+".") && strings.Contains(text, want)
		}) {
			t.Errorf("%s: the live region says %q, want the scene %q and %q", id, p.liveText(), info.Tab, want)
			continue
		}
		t.Logf("%s: %s", id, p.liveText())
	}
	p.focusCanvas("?scene=" + scenes.All()[len(scenes.All())-1].Info().ID)
	before := p.liveText()
	p.key("a")
	if !until(func() bool { return p.liveText() != before }) {
		t.Error("the key A did not say the text again")
	}
	p.noErrors()
}

// reduceMotion makes the page's prefers-reduced-motion "reduce".
func reduceMotion() chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		_, err := cdp.Call(ctx, tg, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
			Features: []*emulation.MediaFeature{{Name: "prefers-reduced-motion", Value: "reduce"}}})
		return err
	})
}

// TestBrowserReducedMotion: a reader who asked for less motion gets the
// lab paused, unless the link says paused=0.
func TestBrowserReducedMotion(t *testing.T) {
	p := open(t, "?scene=pca", reduceMotion())
	if !p.state().Paused {
		t.Error("prefers-reduced-motion: the lab opened playing")
	}
	p.navigate("?scene=pca&paused=0")
	if p.state().Paused {
		t.Error("prefers-reduced-motion and paused=0: the lab opened paused")
	}
	p.noErrors()
}
