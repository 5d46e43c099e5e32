// Package scenes is the registry of Autoencoder Lab's scenes, one per claim
// of the lecture (shared/lecture/autoencoders-lecture.txt) and one folder
// each, in the lecture's order. The shell (package app) and the entries
// (main.go, wasm/) know the scenes only through All.
package scenes

import (
	"aelab/scenes/contractive"
	"aelab/scenes/deep"
	"aelab/scenes/denoise"
	"aelab/scenes/hashing"
	"aelab/scenes/pca"
	"aelab/scenes/pretrain"
	"aelab/scenes/scene"
	"aelab/scenes/sparse"
	"aelab/scenes/stochastic"
	"aelab/scenes/translate"
)

// All returns one of each scene, new, in the lecture's order (DESIGN.md's
// list of scene ids).
func All() []scene.Scene {
	return []scene.Scene{
		translate.New(),
		pca.New(),
		deep.New(),
		sparse.New(),
		denoise.New(),
		contractive.New(),
		stochastic.New(),
		hashing.New(),
		pretrain.New(),
	}
}
