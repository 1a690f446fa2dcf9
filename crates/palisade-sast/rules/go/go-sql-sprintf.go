package repo

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/jmoiron/sqlx"
)

type Invoice struct {
	ID     int64  `db:"id"`
	Status string `db:"status"`
}

type InvoiceRepo struct {
	db  *sql.DB
	xdb *sqlx.DB
}

func (r *InvoiceRepo) ByCustomer(ctx context.Context, customer string) (*sql.Rows, error) {
	// ruleid: go-sql-sprintf
	return r.db.QueryContext(ctx, fmt.Sprintf("SELECT id, status FROM invoices WHERE customer = '%s'", customer))
}

func (r *InvoiceRepo) SortedBy(column string) ([]Invoice, error) {
	var out []Invoice
	// ruleid: go-sql-sprintf
	err := r.xdb.Select(&out, fmt.Sprintf("SELECT id, status FROM invoices ORDER BY %s", column))
	return out, err
}

func (r *InvoiceRepo) Archive(ctx context.Context, table string, before string) error {
	stmt := fmt.Sprintf(`DELETE FROM %s
		WHERE created_at < '%s'`, table, before)
	// ruleid: go-sql-sprintf
	_, err := r.db.ExecContext(ctx, stmt)
	return err
}

func (r *InvoiceRepo) Lookup(ctx context.Context, safe bool, ref string) (*sql.Rows, error) {
	if !safe {
		query := fmt.Sprintf("SELECT id FROM invoices WHERE ref = '%s'", ref)
		// ruleid: go-sql-sprintf
		return r.db.QueryContext(ctx, query)
	}
	query := "SELECT id FROM invoices WHERE ref = $1"
	// ok: go-sql-sprintf
	return r.db.QueryContext(ctx, query, ref)
}

func (r *InvoiceRepo) MarkPaid(ctx context.Context, id int64) error {
	// ok: go-sql-sprintf
	_, err := r.db.ExecContext(ctx, "UPDATE invoices SET status = 'paid' WHERE id = $1", id)
	return err
}

func (r *InvoiceRepo) Count(ctx context.Context, id int64) (int, error) {
	var n int
	// ok: go-sql-sprintf
	err := r.db.QueryRowContext(ctx, fmt.Sprintf("SELECT count(*) FROM invoices WHERE id = %d", id)).Scan(&n)
	return n, err
}
