package config

import (
	"fmt"
	"os"
)

type Config struct {
	DBPassword string
	APIToken   string
}

func Load() (Config, error) {
	c := Config{DBPassword: os.Getenv("DB_PASSWORD"), APIToken: os.Getenv("API_TOKEN")}
	if c.DBPassword == "" {
		return c, fmt.Errorf("DB_PASSWORD is not set")
	}
	return c, nil
}
