package app

import (
	"encoding/json"
	"testing"

	"aelab/scenes"
)

// TestStateIsJSON: the state of every scene as it opens and of every
// guided-lecture stop as it arrives, before any step, is valid JSON as
// aelab.state() hands it to scripts — no NaN in its loss, an undefined
// metric null (docs/scripting.md: "undefined for now" is null, never NaN).
// The hashing scene's loss was NaN until its first step.
func TestStateIsJSON(t *testing.T) {
	var queries []string
	for _, sc := range scenes.All() {
		queries = append(queries, "seed=1&scene="+sc.Info().ID)
	}
	for _, stop := range Tour {
		queries = append(queries, "seed=1&scene="+stop.Scene+"&"+FormatQuery(stop.Set))
	}
	for _, q := range queries {
		a := New(Options{Scenes: scenes.All(), Query: ParseQuery(q), Now: frozen})
		if _, err := json.Marshal(a.State().Values()); err != nil {
			t.Errorf("%s: %v (loss %v, metrics %v)", q, err, a.State().Loss, a.State().Metrics)
		}
	}
}
