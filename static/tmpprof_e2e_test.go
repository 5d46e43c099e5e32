package static

import (
	"context"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/profiler"
	"github.com/chromedp/chromedp"
)

func TestTmpProfile(t *testing.T) {
	out := filepath.Join(t.TempDir(), "app.wasm")
	cmd := exec.Command("go", "build", "-trimpath", "-o", out, "../wasm")
	cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("%v %s", err, b)
	}
	dir := site(t, out)
	srv := httptest.NewServer(Handler(dir))
	defer srv.Close()
	ctx := startBrowser(t)
	var prof *profiler.Profile
	err := chromedp.Do(ctx,
		chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
			if _, err := cdp.Call(ctx, tg, profiler.Enable, cdp.Empty{}); err != nil {
				return err
			}
			if _, err := cdp.Call(ctx, tg, profiler.SetSamplingInterval, profiler.SetSamplingIntervalParams{Interval: 200}); err != nil {
				return err
			}
			_, err := cdp.Call(ctx, tg, profiler.Start, cdp.Empty{})
			return err
		}),
		evaluateOnNewDocument(timeStart),
		chromedp.Navigate(srv.URL+"/"),
	)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](`window.__aelabStart.drawn !== undefined`, chromedp.WithPollingTimeout(90*time.Second))); err != nil {
		t.Fatal(err)
	}
	err = chromedp.Do(ctx, chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		r, err := cdp.Call(ctx, tg, profiler.Stop, cdp.Empty{})
		prof = r.Profile
		return err
	}))
	if err != nil {
		t.Fatal(err)
	}
	self := map[string]float64{}
	dt := map[int64]float64{}
	parent0 := map[int64]int64{}
	names := map[int64]string{}
	for _, n := range prof.Nodes {
		names[n.ID] = n.CallFrame.FunctionName
		for _, c := range n.Children {
			parent0[c] = n.ID
		}
	}
	has := func(id int64, name string) bool {
		for cur := id; cur != 0; cur = parent0[cur] {
			if names[cur] == name {
				return true
			}
		}
		return false
	}
	phase := 0 // 0 before the first Draw, 1 in it, 2 after
	only := os.Getenv("PROF_FIRST_DRAW") != ""
	for i, id := range prof.Samples {
		if only {
			inDraw := has(id, "aelab_scenes_game.__Game_.Draw")
			if phase == 0 && inDraw {
				phase = 1
			} else if phase == 1 && has(id, "aelab_scenes_game.__Game_.Update") {
				phase = 2
			}
			if phase != 1 {
				continue
			}
		}
		dt[id] += float64(prof.TimeDeltas[i]) / 1000
	}
	byID := map[int64]*profiler.ProfileNode{}
	for _, n := range prof.Nodes {
		byID[n.ID] = n
	}
	// inclusive time too
	parent := map[int64]int64{}
	for _, n := range prof.Nodes {
		for _, c := range n.Children {
			parent[c] = n.ID
		}
	}
	incl := map[string]float64{}
	for id, ms := range dt {
		n := byID[id]
		self[n.CallFrame.FunctionName] += ms
		seen := map[string]bool{}
		for cur := id; cur != 0; cur = parent[cur] {
			name := byID[cur].CallFrame.FunctionName
			if !seen[name] {
				incl[name] += ms
				seen[name] = true
			}
		}
	}
	dump := func(m map[string]float64, title string, k int) {
		type kv struct {
			k string
			v float64
		}
		var s []kv
		for k, v := range m {
			s = append(s, kv{k, v})
		}
		sort.Slice(s, func(i, j int) bool { return s[i].v > s[j].v })
		t.Logf("== %s", title)
		for i := 0; i < k && i < len(s); i++ {
			t.Logf("%8.1f ms  %s", s[i].v, s[i].k)
		}
	}
	for id, ms := range dt {
		n := byID[id]
		if n.CallFrame.FunctionName == "HTMLCanvasElement.getContext" {
			chain := ""
			for cur := parent[id]; cur != 0 && len(chain) < 400; cur = parent[cur] {
				chain += " < " + byID[cur].CallFrame.FunctionName
			}
			t.Logf("getContext %.1f ms%s", ms, chain)
		}
	}
	dump(self, "self", 40)
	dump(incl, "inclusive", 120)
}
