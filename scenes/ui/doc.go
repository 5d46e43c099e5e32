// Package ui is the lab's widget kit: rectangles, colours, a pointer that is
// the mouse or a finger, sliders, toggles, segmented choices and buttons
// bound to declared parameters, and the Canvas they draw on.
//
// Nothing here imports ebiten. Widgets and scenes draw through Canvas,
// which the gfx package implements with ebiten and tests implement with a
// recorder, so all interaction logic is tested without a display
// (DESIGN.md, testing layer 2). Widgets hold exported configuration and
// unexported interaction state, each with its own Update and Draw, as in
// ebiten's examples/ui.
package ui
