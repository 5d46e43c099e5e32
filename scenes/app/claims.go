package app

import (
	"fmt"
	"math"
	"strconv"
	"strings"
)

// Claim is what a stop of the guided lecture claims, as data beside its
// text (DESIGN.md, "Claims as data"): conditions on the scene's metrics
// that hold after a number of frames at the stop's speed, written in
// assets/tour.txt as
//
//	expect angle_deg < 1 && mse <= 1.02*pca_mse after 180 frames
//
// Tests run every stop natively and in the browser and check its claim, so
// a stop whose text and numbers disagree fails CI.
type Claim struct {
	Terms  []Term
	Frames int    // frames of play after arriving, at the stop's speed
	Source string // as written
}

// Term is one comparison of a claim: L op R.
type Term struct {
	L, R Operand
	Op   string // <, <=, >, >=
}

// Operand is Scale × the named metric, or the number Scale when Metric is
// empty.
type Operand struct {
	Metric string
	Scale  float64
}

// ParseClaim reads "cond && cond … after N frames"; a condition compares
// two operands, each a number, a metric name, or number*metric.
func ParseClaim(s string) (Claim, error) {
	c := Claim{Source: strings.TrimSpace(s)}
	body, after, ok := strings.Cut(c.Source, " after ")
	if !ok {
		return c, fmt.Errorf("claim %q: want \"… after N frames\"", s)
	}
	n, unit, _ := strings.Cut(strings.TrimSpace(after), " ")
	frames, err := strconv.Atoi(n)
	if err != nil || frames < 0 || strings.TrimSpace(unit) != "frames" {
		return c, fmt.Errorf("claim %q: want \"after N frames\", a whole number N ≥ 0", s)
	}
	c.Frames = frames
	for _, cond := range strings.Split(body, "&&") {
		t, err := parseTerm(strings.TrimSpace(cond))
		if err != nil {
			return c, fmt.Errorf("claim %q: %v", s, err)
		}
		c.Terms = append(c.Terms, t)
	}
	return c, nil
}

func parseTerm(s string) (Term, error) {
	for _, op := range []string{"<=", ">=", "<", ">"} { // two-character operators first
		if l, r, ok := strings.Cut(s, op); ok {
			lo, err := parseOperand(l)
			if err != nil {
				return Term{}, err
			}
			ro, err := parseOperand(r)
			if err != nil {
				return Term{}, err
			}
			if lo.Metric == "" && ro.Metric == "" {
				return Term{}, fmt.Errorf("%q compares two numbers", s)
			}
			return Term{L: lo, R: ro, Op: op}, nil
		}
	}
	return Term{}, fmt.Errorf("%q has no comparison (<, <=, >, >=)", s)
}

func parseOperand(s string) (Operand, error) {
	s = strings.TrimSpace(s)
	if num, name, ok := strings.Cut(s, "*"); ok {
		f, err := strconv.ParseFloat(strings.TrimSpace(num), 64)
		name = strings.TrimSpace(name)
		if err != nil || !isName(name) {
			return Operand{}, fmt.Errorf("%q is not number*metric", s)
		}
		return Operand{Metric: name, Scale: f}, nil
	}
	if f, err := strconv.ParseFloat(s, 64); err == nil {
		return Operand{Scale: f}, nil
	}
	if !isName(s) {
		return Operand{}, fmt.Errorf("%q is not a number or a metric name", s)
	}
	return Operand{Metric: s, Scale: 1}, nil
}

func isName(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if !(r == '_' || r >= 'a' && r <= 'z' || r >= '0' && r <= '9') {
			return false
		}
	}
	return true
}

// Metrics lists the metric names the claim reads.
func (c Claim) Metrics() []string {
	var names []string
	for _, t := range c.Terms {
		for _, o := range [2]Operand{t.L, t.R} {
			if o.Metric != "" {
				names = append(names, o.Metric)
			}
		}
	}
	return names
}

// Check evaluates the claim on metrics; it reports whether every term holds
// and, if not, the first that fails with its numbers. A missing or
// non-finite metric fails.
func (c Claim) Check(metrics map[string]float64) (bool, string) {
	value := func(o Operand) (float64, error) {
		if o.Metric == "" {
			return o.Scale, nil
		}
		v, ok := metrics[o.Metric]
		if !ok {
			return 0, fmt.Errorf("no metric %s", o.Metric)
		}
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return 0, fmt.Errorf("%s is %v", o.Metric, v)
		}
		return o.Scale * v, nil
	}
	for _, t := range c.Terms {
		l, err := value(t.L)
		if err == nil {
			var r float64
			if r, err = value(t.R); err == nil {
				holds := map[string]bool{"<": l < r, "<=": l <= r, ">": l > r, ">=": l >= r}[t.Op]
				if !holds {
					return false, fmt.Sprintf("%s: %s = %.4g, %s = %.4g", t, t.L, l, t.R, r)
				}
				continue
			}
		}
		return false, fmt.Sprintf("%s: %v", t, err)
	}
	return true, ""
}

func (o Operand) String() string {
	switch {
	case o.Metric == "":
		return strconv.FormatFloat(o.Scale, 'g', -1, 64)
	case o.Scale == 1:
		return o.Metric
	}
	return strconv.FormatFloat(o.Scale, 'g', -1, 64) + "*" + o.Metric
}

func (t Term) String() string { return t.L.String() + " " + t.Op + " " + t.R.String() }
