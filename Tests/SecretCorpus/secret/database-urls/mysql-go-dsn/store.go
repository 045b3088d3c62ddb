package store

import (
	"database/sql"

	_ "github.com/go-sql-driver/mysql"
)

func Open() (*sql.DB, error) {
	return sql.Open("mysql", "inventory:H5cLv7nXWz3uSelT@tcp(mysql.acme.internal:3306)/inventory?parseTime=true")
}
