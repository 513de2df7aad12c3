package history

import "testing"

func TestGitHubRepo(t *testing.T) {
	tests := []struct {
		in, want string
		ok       bool
	}{
		{"git@github.com:acme/shop.git", "acme/shop", true},
		{"https://github.com/acme/shop", "acme/shop", true},
		{"https://github.com/acme/shop.git/", "acme/shop", true},
		{"ssh://git@github.com/acme/shop.git", "acme/shop", true},
		{"https://token@github.com/acme/shop.git", "acme/shop", true},
		{"https://gitlab.com/acme/shop.git", "", false},
		{"git@gitlab.com:acme/shop.git", "", false},
		{"/srv/git/shop.git", "", false},
		{"https://github.com/acme", "", false},
		{"https://github.com/acme/shop/extra", "", false},
	}
	for _, tt := range tests {
		got, ok := gitHubRepo(tt.in)
		if got != tt.want || ok != tt.ok {
			t.Errorf("gitHubRepo(%q) = %q, %v; want %q, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}
