package app

import (
	"image"
	"image/color"
	"image/png"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/makiuchi-d/gozxing"
	"github.com/makiuchi-d/gozxing/qrcode"

	"aelab/scenes"
	"aelab/scenes/ui"
	"aelab/scenes/ui/uitest"
)

// rasterCanvas paints the rectangles a frame fills into an image, with
// their alpha, and records texts as uitest.Canvas does: enough to see the
// QR code the share dialog draws (rectangles only) as a camera would.
type rasterCanvas struct {
	uitest.Canvas
	img *image.RGBA
}

func newRasterCanvas(w, h int) *rasterCanvas {
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for i := range img.Pix {
		img.Pix[i] = 0xff
	}
	return &rasterCanvas{Canvas: uitest.Canvas{Record: true}, img: img}
}

func (c *rasterCanvas) FillRect(r ui.Rect, col ui.Color) {
	c.Canvas.FillRect(r, col)
	b := c.img.Bounds()
	x0, y0 := max(b.Min.X, int(math.Round(r.X))), max(b.Min.Y, int(math.Round(r.Y)))
	x1, y1 := min(b.Max.X, int(math.Round(r.Right()))), min(b.Max.Y, int(math.Round(r.Bottom())))
	a := float64(col.A)
	for y := y0; y < y1; y++ {
		for x := x0; x < x1; x++ {
			i := c.img.PixOffset(x, y)
			for k, v := range [3]float32{col.R, col.G, col.B} {
				old := float64(c.img.Pix[i+k])
				c.img.Pix[i+k] = uint8(math.Round(old*(1-a) + float64(v)*255*a))
			}
		}
	}
}

// RoundRect paints its box: the dialog's background under the code.
func (c *rasterCanvas) RoundRect(r ui.Rect, _ float64, col ui.Color) { c.FillRect(r, col) }

// decodeQR reads the QR code in img with gozxing, a Go port of ZXing
// (Apache-2.0), a decoder written apart from the encoder the lab uses.
func decodeQR(t *testing.T, img image.Image) string {
	t.Helper()
	bmp, err := gozxing.NewBinaryBitmapFromImage(img)
	if err != nil {
		t.Fatal(err)
	}
	res, err := qrcode.NewQRCodeReader().Decode(bmp, map[gozxing.DecodeHintType]any{gozxing.DecodeHintType_PURE_BARCODE: false})
	if err != nil {
		return "(no code found: " + err.Error() + ")"
	}
	return res.GetText()
}

// testBase is the address a room's server gives (make serve HOST=0.0.0.0).
const testBase = "http://192.168.1.20:8080/"

// shareApp opens the lab at query on a screen of w×h CSS pixels at dpr
// device pixels each, as the browser does (a Link, a page that scrolls),
// and opens the share dialog by its key.
func shareApp(t *testing.T, query string, w, h, dpr float64) *App {
	t.Helper()
	a := New(Options{Scenes: scenes.All(), Query: ParseQuery(query)})
	a.Platform = Platform{Link: func(q string) string { return testBase + "?" + q }, Scrolls: true,
		CopyLink: func(string) string { return "copied" }}
	a.Resize(w*dpr, h*dpr, dpr)
	a.SetViewport(h * dpr)
	a.Update(&ui.Input{})
	a.Update(&ui.Input{Keys: []string{"l"}})
	if !a.ShareOpen() {
		t.Fatalf("%s: the key L did not open the share dialog", query)
	}
	return a
}

// tick ticks the dialog's checkbox named name with the keyboard: Tab to it
// from the top, then space.
func tick(t *testing.T, a *App, name string) {
	t.Helper()
	d := &a.share
	for range len(d.items) + 2 {
		if d.focus < len(d.items) && d.items[d.focus].name == name {
			a.Update(&ui.Input{Keys: []string{"space"}})
			return
		}
		a.Update(&ui.Input{Keys: []string{"tab"}})
	}
	t.Fatalf("no checkbox %q in the share dialog", name)
}

// TestShareQRDecodes is issue 12's "a test decodes the QR code the dialog
// draws and gets the link back": the dialog is drawn through a canvas that
// paints its rectangles into an image, and gozxing reads the image. On the
// projected screens the modules are at least a fiftieth of the screen's
// height, which a phone reads from a lecture hall's back rows; the link
// opens a lab with the same scene, settings, hidden parts and presenter
// mode.
func TestShareQRDecodes(t *testing.T) {
	for _, tc := range []struct {
		name   string
		query  string
		w, h   float64
		dpr    float64
		hall   bool // a projected screen: modules of a fiftieth of its height
		ticks  []string
		shotTo string
	}{
		{"1280x800", "scene=denoise&seed=3&noise=0.3&paused=1", 1280, 800, 1, true, []string{"tabs", "explain", "lr"}, "share-1280x800.png"},
		{"1920x1080-presenter", "scene=contractive&lambda=0.01&presenter=1", 1920, 1080, 1, true, []string{"transport", "loss"}, "share-1920x1080-presenter.png"},
		{"390x844-phone", "scene=pca&rotation=45", 390, 844, 3, false, []string{"presenter", "tabs"}, "share-390x844.png"},
		{"sparse", "scene=sparse&view=sae&lambda=0.2", 1280, 800, 1, true, []string{"readouts"}, ""},
		{"pca", "scene=pca&dim=1&tabs_hide=1", 1280, 800, 1, true, nil, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			a := shareApp(t, tc.query, tc.w, tc.h, tc.dpr)
			for _, n := range tc.ticks {
				tick(t, a, n)
			}
			c := newRasterCanvas(int(tc.w*tc.dpr), int(tc.h*tc.dpr))
			a.Draw(c)
			link := a.ShareLink()
			if !strings.HasPrefix(link, testBase+"?scene=") {
				t.Fatalf("the dialog's link %q does not start with the lab's address and its scene", link)
			}
			if !c.HasText(link[:20]) {
				t.Errorf("the dialog does not show its link as text")
			}
			d := &a.share
			// the code with its quiet zone, as a phone's camera frames it:
			// the whole screen's checkboxes beside it look like finder
			// patterns to gozxing's detector (tried: not found), not to a
			// phone's scanner, which the student points at the code
			frame := image.Rect(int(d.codeR.X), int(d.codeR.Y), int(d.codeR.Right()), int(d.codeR.Bottom()))
			if got := decodeQR(t, c.img.SubImage(frame)); got != link {
				t.Errorf("the QR code reads %q, want the link %q", got, link)
			}
			vh := tc.h * tc.dpr
			t.Logf("%s: link of %d characters, %d modules across with the quiet zone, a module %.0f px = 1/%.0f of the screen's height",
				tc.name, len(link), d.code.n, d.module, vh/d.module)
			if tc.hall && d.module < vh/50 {
				t.Errorf("a module is %.0f px on a %.0f px screen: want at least a fiftieth (%.1f)", d.module, vh, vh/50)
			}
			// the quiet zone: four modules of white all round
			q := int(qrQuiet * d.module)
			for _, p := range [][2]int{{1, 1}, {q - 1, q - 1}, {int(d.codeR.W) - 2, q / 2}, {q / 2, int(d.codeR.H) - 2}} {
				if px := c.img.RGBAAt(int(d.codeR.X)+p[0], int(d.codeR.Y)+p[1]); px != (color.RGBA{0xff, 0xff, 0xff, 0xff}) {
					t.Errorf("the quiet zone at %v is %v, want white", p, px)
				}
			}
			// the link opens the same lab, with what was ticked
			b := New(Options{Scenes: scenes.All(), Query: ParseQuery(strings.TrimPrefix(link, testBase+"?"))})
			if len(b.Warnings()) > 0 {
				t.Errorf("the link gives warnings: %v", b.Warnings())
			}
			sa, sb := a.State(), b.State()
			if sa.Scene != sb.Scene || !sameParams(sa.Params, sb.Params) {
				t.Errorf("the link opens %s %v, want %s %v", sb.Scene, sb.Params, sa.Scene, sa.Params)
			}
			for _, it := range d.items {
				want := d.on(&it)
				got := b.Hidden(it.name)
				if it.name == namePresenter {
					got = b.app.Bool(namePresenter)
				}
				if got != want {
					t.Errorf("%s: the link gives %v, the dialog ticks %v", it.name, got, want)
				}
			}
			if tc.shotTo != "" {
				saveShot(t, c.img, tc.shotTo)
			}
		})
	}
}

// sameParams reports whether two state().params hold the same values.
func sameParams(a, b map[string]any) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if b[k] != v {
			return false
		}
	}
	return true
}

// saveShot saves img in the repository's out/ for a person to look at.
func saveShot(t *testing.T, img image.Image, name string) {
	t.Helper()
	dir := filepath.Join("..", "..", "out")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	f, err := os.Create(filepath.Join(dir, name))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := png.Encode(f, img); err != nil {
		t.Fatal(err)
	}
}

// TestShareShortLinkRestores: the dialog's link leaves out what is at its
// default, and still opens every scene and view with every parameter as
// it was, after each parameter in turn is moved off its default.
func TestShareShortLinkRestores(t *testing.T) {
	for _, base := range playing() {
		a := New(Options{Scenes: scenes.All(), Query: ParseQuery(base + "&paused=1")})
		ps := a.Scene().Info().Params
		for i := range ps.Specs {
			sp := &ps.Specs[i]
			v := sp.Min + (sp.Max-sp.Min)*0.37
			if len(sp.Choices) > 0 {
				v = float64(len(sp.Choices) - 1)
			}
			a.Set(sp.Name, sp.Format(v))
			q := a.linkQuery(nil, false, true)
			b := New(Options{Scenes: scenes.All(), Query: ParseQuery(q)})
			if sa, sb := a.State(), b.State(); sa.Scene != sb.Scene || !sameParams(sa.Params, sb.Params) || len(sb.Warnings) > 0 {
				t.Errorf("%s, %s moved: the short link %q opens %v (warnings %v), want %v", base, sp.Name, q, sb.Params, sb.Warnings, sa.Params)
			}
		}
	}
}

// TestShareKeyboard: the dialog is worked by the keyboard alone: Tab
// reaches every checkbox and both buttons, with a visible focus ring,
// space ticks, Enter presses Close, Esc closes; and the keys of the lab
// under it do nothing meanwhile.
func TestShareKeyboard(t *testing.T) {
	a := shareApp(t, "scene=pca&paused=1", 1280, 800, 1)
	d := &a.share
	n := len(d.items) + 2
	seen := map[int]bool{}
	for range n {
		seen[d.focus] = true
		c := &uitest.Canvas{}
		a.Draw(c)
		a.Update(&ui.Input{Keys: []string{"tab"}})
	}
	if len(seen) != n || d.focus != 0 {
		t.Errorf("Tab visited %d of %d places and came back to %d, want all and 0", len(seen), n, d.focus)
	}
	// the focus ring: one more stroke drawn than without focus
	rings := func(focus int) int {
		d.focus = focus
		c := &uitest.Canvas{}
		a.Draw(c)
		return c.Shapes
	}
	if with, without := rings(3), rings(-1); with != without+1 {
		t.Errorf("a focused checkbox draws %d shapes, none focused %d: want a ring more", with, without)
	}
	d.focus = 0
	before := a.share.query
	a.Update(&ui.Input{Keys: []string{"space"}})
	if !d.presenter || a.share.query == before || !strings.Contains(a.share.query, "presenter=on") {
		t.Errorf("space on presenter mode: presenter %v, link %q", d.presenter, a.share.query)
	}
	if !a.Paused() {
		t.Error("space in the dialog played the lab")
	}
	a.Update(&ui.Input{Keys: []string{"shift+tab"}}) // to Close, the last place
	a.Update(&ui.Input{Keys: []string{"enter"}})
	if a.ShareOpen() {
		t.Error("Enter on Close left the dialog open")
	}
	a.Update(&ui.Input{Keys: []string{"l"}})
	a.Update(&ui.Input{Keys: []string{"escape"}})
	if a.ShareOpen() {
		t.Error("Esc left the dialog open")
	}
	if a.hidden["tabs"] || a.app.Bool(namePresenter) {
		t.Error("the dialog's choices changed the teacher's own lab")
	}
}

// TestShareClick: the top bar's button opens the dialog, a click on a row
// ticks it, a click outside closes it.
func TestShareClick(t *testing.T) {
	a := New(Options{Scenes: scenes.All(), Query: ParseQuery("scene=denoise&paused=1")})
	a.Platform.Link = func(q string) string { return testBase + "?" + q }
	a.Resize(1280, 800, 1)
	a.Update(&ui.Input{})
	click := func(r ui.Rect) {
		x, y := r.X+r.W/2, r.Y+r.H/2
		a.Update(&ui.Input{Pointer: ui.Pointer{X: x, Y: y, Down: true, Pressed: true}})
		a.Update(&ui.Input{Pointer: ui.Pointer{X: x, Y: y, Released: true}})
	}
	var share *ui.Button
	for _, b := range a.topButtons {
		if b.Label == shareLabel {
			share = b
		}
	}
	click(share.Bounds())
	if !a.ShareOpen() {
		t.Fatal("a click on Share link did not open the dialog")
	}
	row := a.share.items[1] // the scene tabs
	click(row.r)
	if !a.share.hide["tabs"] || !strings.Contains(a.ShareLink(), "tabs_hide=1") {
		t.Errorf("a click on %q: link %q", row.label, a.ShareLink())
	}
	click(ui.Rect{X: 2, Y: 2, W: 4, H: 4})
	if a.ShareOpen() {
		t.Error("a click outside the dialog left it open")
	}
}

// TestShareFrameDoesNotAllocate: with the dialog open over a playing lab,
// a frame allocates nothing (the code and the texts are made when the
// link changes, not in Draw).
func TestShareFrameDoesNotAllocate(t *testing.T) {
	a := shareApp(t, "scene=denoise", 1280, 800, 1)
	c := &uitest.Canvas{}
	in := &ui.Input{}
	for range 20 {
		a.Update(in)
		a.Draw(c)
	}
	if n := testing.AllocsPerRun(20, func() { a.Update(in); a.Draw(c) }); n > 0 {
		t.Errorf("a frame with the share dialog open allocates %v times", n)
	}
}

// TestShareDialogFits: on the screens of issue 10 and for every scene and
// view, every checkbox, the link and both buttons lie inside the dialog
// and on the first screen, and no two rows overlap.
func TestShareDialogFits(t *testing.T) {
	for _, sz := range []struct{ w, h, dpr float64 }{{1280, 800, 1}, {1920, 1080, 1}, {390, 844, 3}, {844, 390, 3}, {1024, 768, 1}} {
		for _, q := range playing() {
			for _, pres := range []string{"", "&presenter=1"} {
				a := shareApp(t, q+pres, sz.w, sz.h, sz.dpr)
				d := &a.share
				inside := func(what string, r ui.Rect) {
					if r.X < d.r.X-0.5 || r.Y < d.r.Y-0.5 || r.Right() > d.r.Right()+0.5 || r.Bottom() > d.r.Bottom()+0.5 {
						t.Errorf("%gx%g %s%s: %s %v lies outside the dialog %v", sz.w, sz.h, q, pres, what, r, d.r)
					}
				}
				for i, it := range d.items {
					inside(it.name, it.r)
					for _, o := range d.items[i+1:] {
						if it.r.X < o.r.Right() && o.r.X < it.r.Right() && it.r.Y < o.r.Bottom()-0.5 && o.r.Y < it.r.Bottom()-0.5 {
							t.Errorf("%gx%g %s%s: %s and %s overlap", sz.w, sz.h, q, pres, it.name, o.name)
						}
					}
					if bb := d.copyBtn.Bounds(); it.r.Bottom() > bb.Y+0.5 && it.r.Right() > bb.X {
						t.Errorf("%gx%g %s%s: %s runs under the buttons", sz.w, sz.h, q, pres, it.name)
					}
				}
				inside("Copy link", d.copyBtn.Bounds())
				inside("Close", d.closeBtn.Bounds())
				inside("the code", d.codeR)
			}
		}
	}
}

// TestShareNative: the desktop app has no address: the dialog says so,
// shows the query, draws no code and offers no Copy link.
func TestShareNative(t *testing.T) {
	a := New(Options{Scenes: scenes.All(), Query: ParseQuery("scene=pca&rotation=45")})
	a.Resize(1280, 800, 1)
	a.Update(&ui.Input{Keys: []string{"l"}})
	c := &uitest.Canvas{Record: true}
	a.Draw(c)
	if a.ShareLink() != "?scene=pca&rotation=45" || !a.ShareCodeRect().Empty() || !a.share.copyBtn.Bounds().Empty() {
		t.Errorf("natively: link %q, code at %v, Copy link at %v", a.ShareLink(), a.ShareCodeRect(), a.share.copyBtn.Bounds())
	}
	if !c.HasText("no web address") {
		t.Error("natively the dialog does not say why there is no code")
	}
}
