package ghclient

import (
	"context"
	"net/http"

	"github.com/google/go-github/v62/github"
)

const botToken = "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"

func New(ctx context.Context) *github.Client {
	return github.NewClient(&http.Client{}).WithAuthToken(botToken)
}
