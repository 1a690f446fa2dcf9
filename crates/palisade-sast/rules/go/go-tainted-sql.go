package handlers

import (
	"database/sql"
	"fmt"
	"net/http"
	"strconv"
	"time"

	"github.com/gin-gonic/gin"
	"gorm.io/gorm"
)

type Store struct {
	db    *sql.DB
	gdb   *gorm.DB
	cache *ttlCache
}

type ttlCache struct{}

func (c *ttlCache) Get(key string, ttl time.Duration) (string, bool) { return "", false }

func (s *Store) UserByName(w http.ResponseWriter, r *http.Request) {
	name := r.URL.Query().Get("name")
	q := "SELECT id, email FROM users WHERE name = '" + name + "'"
	// ruleid: go-tainted-sql
	rows, err := s.db.Query(q)
	if err != nil {
		http.Error(w, "query failed", http.StatusInternalServerError)
		return
	}
	defer rows.Close()
	// ok: go-tainted-sql
	row := s.db.QueryRow("SELECT id FROM users WHERE name = $1", name)
	stmt, err := s.db.Prepare("SELECT id FROM users WHERE name = $1")
	if err != nil {
		return
	}
	// ok: go-tainted-sql
	stmt.QueryRow(name)
	var id int
	_ = row.Scan(&id)
	// ok: go-tainted-sql
	cached, _ := s.cache.Get(name, 5*time.Minute)
	_ = cached
}

func (s *Store) DeleteOrder(w http.ResponseWriter, r *http.Request) {
	order := r.FormValue("order")
	stmt := fmt.Sprintf("DELETE FROM orders WHERE ref = '%s'", order)
	// ruleid: go-tainted-sql, go-sql-sprintf
	if _, err := s.db.ExecContext(r.Context(), stmt); err != nil {
		http.Error(w, "delete failed", http.StatusInternalServerError)
	}
	n, err := strconv.Atoi(r.FormValue("limit"))
	if err != nil {
		return
	}
	// ok: go-tainted-sql
	s.db.ExecContext(r.Context(), fmt.Sprintf("DELETE FROM audit LIMIT %d", n))
}

func (s *Store) Search(c *gin.Context) {
	term := c.Query("q")
	var products []Product
	// ruleid: go-tainted-sql
	s.gdb.Where("title LIKE '%" + term + "%'").Find(&products)
	// ok: go-tainted-sql
	s.gdb.Where("title LIKE ?", "%"+term+"%").Find(&products)
	c.JSON(http.StatusOK, products)
}

type Product struct {
	ID    uint
	Title string
}
