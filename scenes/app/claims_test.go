package app

import (
	"math"
	"testing"
)

func TestParseClaim(t *testing.T) {
	c, err := ParseClaim("angle_deg < 1 && mse <= 1.02*pca_mse && 0.9 <= tangent_alignment after 180 frames")
	if err != nil {
		t.Fatal(err)
	}
	if c.Frames != 180 || len(c.Terms) != 3 || c.Terms[1].R != (Operand{Metric: "pca_mse", Scale: 1.02}) || c.Terms[2].L.Metric != "" {
		t.Fatalf("parsed %+v", c)
	}
	for _, tc := range []struct {
		m    map[string]float64
		ok   bool
		want string
	}{
		{map[string]float64{"angle_deg": 0.5, "mse": 0.1, "pca_mse": 0.1, "tangent_alignment": 0.95}, true, ""},
		{map[string]float64{"angle_deg": 1, "mse": 0.1, "pca_mse": 0.1, "tangent_alignment": 0.95}, false, "angle_deg < 1: angle_deg = 1, 1 = 1"},
		{map[string]float64{"angle_deg": 0.5, "mse": 0.2, "pca_mse": 0.1, "tangent_alignment": 0.95}, false, "mse <= 1.02*pca_mse"},
		{map[string]float64{"angle_deg": math.NaN(), "mse": 0.1, "pca_mse": 0.1, "tangent_alignment": 0.95}, false, "angle_deg is NaN"},
		{map[string]float64{"angle_deg": 0.5, "mse": 0.1, "pca_mse": 0.1}, false, "no metric tangent_alignment"},
	} {
		ok, why := c.Check(tc.m)
		if ok != tc.ok || (tc.want != "" && !contains(why, tc.want)) {
			t.Errorf("%v: %v %q, want %v %q", tc.m, ok, why, tc.ok, tc.want)
		}
	}
	for _, bad := range []string{
		"angle_deg < 1", "angle_deg < 1 after many frames", "angle_deg = 1 after 3 frames",
		"1 < 2 after 3 frames", "Angle < 1 after 3 frames", "x*y < 1 after 3 frames", "angle_deg < 1 after -3 frames",
	} {
		if _, err := ParseClaim(bad); err == nil {
			t.Errorf("ParseClaim(%q) accepted it", bad)
		}
	}
}

func contains(s, sub string) bool {
	for i := 0; i+len(sub) <= len(s); i++ {
		if s[i:i+len(sub)] == sub {
			return true
		}
	}
	return false
}
