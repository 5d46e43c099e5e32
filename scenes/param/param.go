// Package param declares the parameters of a scene as data. One declaration
// (a Spec) drives the slider or toggle in the panel, the URL query and the
// native flags, window.aelab.set, and the tests: none of these knows a
// parameter by name.
//
// A Spec is bound once to the field it drives (Bind, Pick), as TensorFlow
// Playground's state.ts pairs each declared name with a typed field: the
// Set writes every value it takes into that field, and a live parameter
// carries the function that applies it to the model as it stands (Live).
// A scene therefore never switches on parameter names.
package param

import (
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Kind is the type of a parameter's value.
type Kind uint8

const (
	Float  Kind = iota // a real number in [Min, Max]
	Int                // an integer in [Min, Max]
	Bool               // off (0) or on (1)
	Choice             // one of Choices, stored as its index
)

// Spec declares one parameter.
type Spec struct {
	Name    string  // URL query, flag and aelab name: "lr", "noise"
	Label   string  // on screen: "learning rate η"
	Kind    Kind    //
	Min     float64 // range of Float and Int
	Max     float64 //
	Default float64 // the value on load and after a bad input (a Choice's index, a Bool's 0/1)
	Log     bool    // slider moves on a logarithmic scale (Min > 0)
	Digits  int     // decimals shown for Float; significant digits when Log
	Unit    string  // shown after the value: "°"
	Choices []string
	Labels  []string // on-screen labels of Choices, when they differ
	// Resets says that changing the parameter changes the data set or the
	// architecture, so training restarts from new weights; other parameters
	// apply live to the model as it stands.
	Resets bool
	Help   string // one line, shown in the help and the flags' usage

	// Apply applies a live parameter (Resets false) to the model as it
	// stands, after the Set has written the bound field; nil when the
	// parameter only changes what is drawn.
	Apply func()
	// bind writes a value into the field the parameter drives (Bind, Pick).
	bind func(v float64)
}

// Bind returns s bound to the field p: a Float to a float64, an Int to an
// int, a Bool to a bool and a Choice to a string (the chosen value of
// Choices). It panics when p's type does not fit s.Kind, a programming
// error that the scenes' tests catch at start-up.
func Bind[T float64 | int | bool | string](s Spec, p *T) Spec {
	switch q := any(p).(type) {
	case *float64:
		if s.Kind != Float {
			panic("param: " + s.Name + " is not a Float: bind it to its own type")
		}
		s.bind = func(v float64) { *q = v }
	case *int:
		if s.Kind != Int {
			panic("param: " + s.Name + " is not an Int: bind it to its own type")
		}
		s.bind = func(v float64) { *q = int(math.Round(v)) }
	case *bool:
		if s.Kind != Bool {
			panic("param: " + s.Name + " is not a Bool: bind it to its own type")
		}
		s.bind = func(v float64) { *q = v != 0 }
	case *string:
		if s.Kind != Choice {
			panic("param: " + s.Name + " is not a Choice: bind it to its own type")
		}
		s.bind = func(v float64) { *q = s.Choices[int(v)] }
	}
	return s
}

// Pick returns the Choice s bound to the field p, which takes values[i]
// when choice i is made (a typed setting such as a corruption kind).
func Pick[T any](s Spec, p *T, values ...T) Spec {
	if s.Kind != Choice || len(values) != len(s.Choices) {
		panic("param: " + s.Name + ": Pick needs a Choice and one value per choice")
	}
	s.bind = func(v float64) { *p = values[int(v)] }
	return s
}

// Live returns s with apply as its Apply.
func (s Spec) Live(apply func()) Spec {
	s.Apply = apply
	return s
}

// Bound reports whether the parameter drives a field.
func (s *Spec) Bound() bool { return s.bind != nil }

// Clamp brings v into the parameter's range and grid.
func (s *Spec) Clamp(v float64) float64 {
	switch s.Kind {
	case Bool:
		if v != 0 {
			return 1
		}
		return 0
	case Choice:
		return math.Max(0, math.Min(math.Round(v), float64(len(s.Choices)-1)))
	case Int:
		v = math.Round(v)
	}
	return math.Max(s.Min, math.Min(v, s.Max))
}

// Parse reads a value as written in a URL, a flag or an aelab.set call.
// A value that does not parse gives the default, one out of range is clamped
// and an Int between two whole numbers is rounded; each way the returned
// warning says what happened, for the user to see.
func (s *Spec) Parse(raw string) (v float64, warning string) {
	raw = strings.TrimSpace(raw)
	switch s.Kind {
	case Bool:
		switch strings.ToLower(raw) {
		case "1", "true", "on", "yes", "":
			return 1, ""
		case "0", "false", "off", "no":
			return 0, ""
		}
		return s.Default, fmt.Sprintf("%s=%s is not on/off; using %s", s.Name, Quote(raw), s.Format(s.Default))
	case Choice:
		for i, c := range s.Choices {
			if strings.EqualFold(raw, c) {
				return float64(i), ""
			}
		}
		return s.Default, fmt.Sprintf("%s=%s is not one of %s; using %s", s.Name, Quote(raw), strings.Join(s.Choices, ", "), s.Format(s.Default))
	}
	f, err := strconv.ParseFloat(raw, 64)
	if err != nil && !errors.Is(err, strconv.ErrRange) || math.IsNaN(f) {
		return s.Default, fmt.Sprintf("%s=%s is not a number; using %s", s.Name, Quote(raw), s.Format(s.Default))
	}
	// ParseFloat gives ±Inf or ±0 for a value beyond float64's range: a
	// number, out of range or clamped to the nearest end.
	c := s.Clamp(f)
	switch {
	case f < s.Min || f > s.Max:
		return c, fmt.Sprintf("%s=%s is outside [%s, %s]; using %s", s.Name, Clip(raw), s.Format(s.Min), s.Format(s.Max), s.Format(c))
	case c != f:
		return c, fmt.Sprintf("%s=%s is not a whole number; rounded to %s", s.Name, Clip(raw), s.Format(c))
	}
	return c, ""
}

// quoteMax is how much of a bad value a warning shows: enough to recognise
// it, never a screenful (a 100 kB value must make a one-line notice).
const quoteMax = 40

// Clip returns raw, or its first quoteMax characters and an ellipsis with
// the full length when it is longer.
func Clip(raw string) string {
	if len(raw) <= quoteMax {
		return raw
	}
	i := 0
	for n := 0; n < quoteMax && i < len(raw); n++ {
		_, w := utf8.DecodeRuneInString(raw[i:])
		i += w
	}
	if i == len(raw) {
		return raw
	}
	return raw[:i] + "… (" + strconv.Itoa(len(raw)) + " bytes)"
}

// Quote is Clip for a value that may hold anything: Go-quoted, so that
// control characters and invalid UTF-8 show as escapes, and cut at
// quoteMax bytes of the quoted text (an escape is four).
func Quote(raw string) string {
	var b strings.Builder
	b.WriteByte('"')
	for i := 0; i < len(raw); {
		_, w := utf8.DecodeRuneInString(raw[i:])
		q := strconv.Quote(raw[i : i+w])
		if b.Len()-1+len(q)-2 > quoteMax {
			return b.String() + "\"… (" + strconv.Itoa(len(raw)) + " bytes)"
		}
		b.WriteString(q[1 : len(q)-1])
		i += w
	}
	b.WriteByte('"')
	return b.String()
}

// ParseOr is Parse for a value set while the lab runs (aelab.set): a value
// that does not parse keeps the current one instead of the default.
func (s *Spec) ParseOr(raw string, current float64) (v float64, warning string) {
	v, warning = s.Parse(raw)
	if warning != "" && v == s.Default && !s.parses(raw) {
		return current, strings.Replace(warning, "; using "+s.Format(s.Default), "; keeping "+s.Format(current), 1)
	}
	return v, warning
}

// parses reports whether raw is a value of the parameter's kind, in range
// or not.
func (s *Spec) parses(raw string) bool {
	raw = strings.TrimSpace(raw)
	switch s.Kind {
	case Bool:
		switch strings.ToLower(raw) {
		case "1", "true", "on", "yes", "", "0", "false", "off", "no":
			return true
		}
		return false
	case Choice:
		for _, c := range s.Choices {
			if strings.EqualFold(raw, c) {
				return true
			}
		}
		return false
	}
	f, err := strconv.ParseFloat(raw, 64)
	return (err == nil || errors.Is(err, strconv.ErrRange)) && !math.IsNaN(f)
}

// Format writes a value as a link, a flag and a warning carry it: a Float in
// the fewest digits that parse back to exactly the same float64, so that a
// link restores what it was copied from (a rotation of 0.25 is "0.25", while
// the slider shows "0°"). Show writes it for the screen.
func (s *Spec) Format(v float64) string {
	return string(s.AppendFormat(nil, v))
}

// AppendFormat appends Format(v) to b, without allocating when b has room.
func (s *Spec) AppendFormat(b []byte, v float64) []byte {
	if s.Kind == Float {
		return strconv.AppendFloat(b, v, 'g', -1, 64)
	}
	return s.AppendShow(b, v)
}

// Show writes a value for the screen: a Float with Digits decimals, or
// Digits significant digits when Log (a slider's label).
func (s *Spec) Show(v float64) string {
	return string(s.AppendShow(nil, v))
}

// AppendShow appends Show(v) to b, without allocating when b has room.
func (s *Spec) AppendShow(b []byte, v float64) []byte {
	switch s.Kind {
	case Bool:
		if v != 0 {
			return append(b, "on"...)
		}
		return append(b, "off"...)
	case Choice:
		return append(b, s.Choices[int(s.Clamp(v))]...)
	case Int:
		return strconv.AppendInt(b, int64(math.Round(v)), 10)
	}
	if s.Log {
		return strconv.AppendFloat(b, v, 'g', max(s.Digits, 1), 64)
	}
	return strconv.AppendFloat(b, v, 'f', s.Digits, 64)
}

// ChoiceLabelOrValue shows v as the screen does: a choice's label, or the
// formatted value with its unit.
func (s *Spec) ChoiceLabelOrValue(v float64) string {
	if s.Kind == Choice {
		return s.ChoiceLabel(int(s.Clamp(v)))
	}
	return s.Show(v) + s.Unit
}

// ChoiceLabel returns the on-screen label of choice i.
func (s *Spec) ChoiceLabel(i int) string {
	if i < len(s.Labels) {
		return s.Labels[i]
	}
	return s.Choices[i]
}

// ToUnit maps a value to its slider position in [0, 1].
func (s *Spec) ToUnit(v float64) float64 {
	if s.Max == s.Min {
		return 0
	}
	if s.Log {
		return math.Log(v/s.Min) / math.Log(s.Max/s.Min)
	}
	return (v - s.Min) / (s.Max - s.Min)
}

// FromUnit maps a slider position in [0, 1] to a value, rounded to what the
// screen shows so that a dragged value and its label agree.
func (s *Spec) FromUnit(u float64) float64 {
	u = math.Max(0, math.Min(u, 1))
	var v float64
	if s.Log {
		v = s.Min * math.Pow(s.Max/s.Min, u)
		v, _ = strconv.ParseFloat(strconv.FormatFloat(v, 'g', max(s.Digits, 1), 64), 64)
	} else {
		v = s.Min + u*(s.Max-s.Min)
		if s.Kind == Float {
			p := math.Pow(10, float64(s.Digits))
			v = math.Round(v*p) / p
		}
	}
	return s.Clamp(v)
}

// Value returns v as the type the outside world sees it: a float64, an int,
// a bool or a choice's string (for aelab.state() and JSON).
func (s *Spec) Value(v float64) any {
	switch s.Kind {
	case Bool:
		return v != 0
	case Choice:
		return s.Choices[int(s.Clamp(v))]
	case Int:
		return int(math.Round(v))
	}
	return v
}

// Set is a list of declared parameters with their current values.
type Set struct {
	Specs []Spec
	vals  []float64
}

// NewSet returns the parameters at their defaults.
func NewSet(specs ...Spec) *Set {
	s := &Set{Specs: specs, vals: make([]float64, len(specs))}
	for i := range specs {
		if specs[i].Kind == Choice && len(specs[i].Choices) == 0 {
			panic("param: choice " + specs[i].Name + " has no choices")
		}
		if specs[i].Log && specs[i].Min <= 0 {
			panic("param: log parameter " + specs[i].Name + " needs Min > 0")
		}
		s.SetAt(i, specs[i].Default)
	}
	return s
}

// Index returns the position of the named parameter, or −1.
func (s *Set) Index(name string) int {
	for i := range s.Specs {
		if s.Specs[i].Name == name {
			return i
		}
	}
	return -1
}

// Spec returns the named parameter's declaration; it panics on an unknown
// name, a programming error.
func (s *Set) Spec(name string) *Spec { return &s.Specs[s.mustIndex(name)] }

func (s *Set) mustIndex(name string) int {
	i := s.Index(name)
	if i < 0 {
		panic("param: no parameter " + name)
	}
	return i
}

// Get returns the named parameter's value.
func (s *Set) Get(name string) float64 { return s.vals[s.mustIndex(name)] }

// Bool returns the named Bool parameter.
func (s *Set) Bool(name string) bool { return s.Get(name) != 0 }

// Int returns the named Int parameter.
func (s *Set) Int(name string) int { return int(math.Round(s.Get(name))) }

// Choice returns the named Choice parameter's value string.
func (s *Set) Choice(name string) string {
	i := s.mustIndex(name)
	return s.Specs[i].Choices[int(s.vals[i])]
}

// At returns the value of parameter i.
func (s *Set) At(i int) float64 { return s.vals[i] }

// SetAt sets parameter i to v, clamped, writes it into the bound field and
// returns the value applied.
func (s *Set) SetAt(i int, v float64) float64 {
	s.vals[i] = s.Specs[i].Clamp(v)
	if b := s.Specs[i].bind; b != nil {
		b(s.vals[i])
	}
	return s.vals[i]
}

// Reset puts every parameter back to its default.
func (s *Set) Reset() {
	for i := range s.Specs {
		s.SetAt(i, s.Specs[i].Default)
	}
}

// Values returns name → value as the outside world sees them (Spec.Value).
func (s *Set) Values() map[string]any {
	m := make(map[string]any, len(s.Specs))
	for i := range s.Specs {
		m[s.Specs[i].Name] = s.Specs[i].Value(s.vals[i])
	}
	return m
}
