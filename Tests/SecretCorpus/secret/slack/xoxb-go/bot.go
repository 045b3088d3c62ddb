package main

import (
	"log"

	"github.com/slack-go/slack"
)

func main() {
	api := slack.New("xoxb-590795212265-5567148243180-3p6rFwr63Uxcn7nDBumJkTdR")
	if _, _, err := api.PostMessage("C04QW3ZK1JD", slack.MsgOptionText("nightly export done", false)); err != nil {
		log.Fatal(err)
	}
}
