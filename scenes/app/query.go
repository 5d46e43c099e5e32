package app

import (
	"net/url"
	"strings"
)

// ParseQuery splits a URL query ("a=1&b=x", with or without the leading
// "?") into its name=value pairs in order; a name without "=" has the
// empty value, which a Bool parameter reads as on.
func ParseQuery(raw string) []KV {
	raw = strings.TrimPrefix(raw, "?")
	var out []KV
	for _, part := range strings.Split(raw, "&") {
		if part == "" {
			continue
		}
		name, value, _ := strings.Cut(part, "=")
		if n, err := url.QueryUnescape(name); err == nil {
			name = n
		}
		if v, err := url.QueryUnescape(value); err == nil {
			value = v
		}
		out = append(out, KV{name, value})
	}
	return out
}

// FormatQuery writes pairs as a URL query without the leading "?".
func FormatQuery(q []KV) string {
	var b strings.Builder
	for i, kv := range q {
		if i > 0 {
			b.WriteByte('&')
		}
		b.WriteString(url.QueryEscape(kv.Name))
		b.WriteByte('=')
		b.WriteString(url.QueryEscape(kv.Value))
	}
	return b.String()
}
