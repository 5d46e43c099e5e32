package scene_test

import (
	"strings"
	"testing"

	"aelab/core/data"
	"aelab/scenes/param"
	"aelab/scenes/scene"
)

// TestPollDigitsFails: a data set that cannot load gives a notice naming
// what is shown instead, sets "data" to its first choice and forgets the
// pending load; one that loads gives its images.
func TestPollDigitsFails(t *testing.T) {
	set := "digits"
	info := scene.Info{Params: param.NewSet(param.Bind(param.Spec{Name: "data", Kind: param.Choice,
		Choices: []string{"ring", "digits"}, Default: 1}, &set))}
	var notice string
	info.Host.Notice = func(text string, l scene.Level) { notice = text }

	p := data.Start("no such set")
	for range 1000 { // natively the result is there at once; allow a moment
		if im, failed := info.PollDigits(&p, "the ring"); failed || im != nil {
			break
		}
	}
	if p != nil || set != "ring" || !strings.Contains(notice, "Showing the ring") {
		t.Errorf("after a failed load: pending %v, data %q, notice %q", p, set, notice)
	}

	p = data.Start("digits")
	var im *data.Images
	for range 1000 {
		if im, _ = info.PollDigits(&p, "the ring"); im != nil {
			break
		}
	}
	if im == nil || im.N() != 1797 {
		t.Errorf("the digits: %v", im)
	}
}
