package store

import (
	"database/sql"
	"fmt"
	"os"

	"github.com/jmoiron/sqlx"
	"gorm.io/driver/postgres"
	"gorm.io/gorm"
)

func OpenOrders() (*sql.DB, error) {
	// ruleid: go-hardcoded-db-password
	return sql.Open("mysql", "orders:Wint3r-2024@tcp(db.internal:3306)/orders?parseTime=true")
}

func OpenReports() (*sqlx.DB, error) {
	// ruleid: go-hardcoded-db-password
	return sqlx.Connect("postgres", "postgres://reporter:s3cr3tpass@reports.internal:5432/reports?sslmode=require")
}

func OpenCatalog() (*gorm.DB, error) {
	// ruleid: go-hardcoded-db-password
	return gorm.Open(postgres.Open("host=catalog.internal user=catalog password=hunter22 dbname=catalog sslmode=require"), &gorm.Config{})
}

func OpenFromEnv() (*sql.DB, error) {
	// ok: go-hardcoded-db-password
	return sql.Open("postgres", os.Getenv("DATABASE_URL"))
}

func OpenFormatted(user, pass string) (*sql.DB, error) {
	dsn := fmt.Sprintf("%s:%s@tcp(db.internal:3306)/orders", user, pass)
	// ok: go-hardcoded-db-password
	return sql.Open("mysql", dsn)
}

func OpenLocal() (*sql.DB, error) {
	// ok: go-hardcoded-db-password
	return sql.Open("sqlite3", "file:cache.db?cache=shared")
}
