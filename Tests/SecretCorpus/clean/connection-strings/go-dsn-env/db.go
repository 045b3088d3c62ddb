package db

import (
	"fmt"
	"os"
)

func DSN() string {
	return fmt.Sprintf("postgres://%s:%s@%s/%s?sslmode=require",
		os.Getenv("PGUSER"), os.Getenv("PGPASSWORD"), os.Getenv("PGHOST"), os.Getenv("PGDATABASE"))
}
