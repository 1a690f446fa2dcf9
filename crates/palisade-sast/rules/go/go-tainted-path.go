package files

import (
	"io"
	"net/http"
	"os"
	"path/filepath"

	"github.com/gin-gonic/gin"
)

const uploadDir = "/srv/uploads"

func Download(w http.ResponseWriter, r *http.Request) {
	name := r.URL.Query().Get("file")
	full := filepath.Join(uploadDir, name)
	// ruleid: go-tainted-path
	f, err := os.Open(full)
	if err != nil {
		http.NotFound(w, r)
		return
	}
	defer f.Close()
	io.Copy(w, f)
}

func Preview(w http.ResponseWriter, r *http.Request) {
	name := filepath.Base(r.FormValue("file"))
	// ok: go-tainted-path
	http.ServeFile(w, r, filepath.Join(uploadDir, name))
}

func Raw(w http.ResponseWriter, r *http.Request) {
	// ruleid: go-tainted-path
	http.ServeFile(w, r, uploadDir+"/"+r.URL.Path)
}

func SaveNote(c *gin.Context) {
	body, _ := c.GetRawData()
	title := c.PostForm("title")
	// ruleid: go-tainted-path
	if err := os.WriteFile(filepath.Join("/srv/notes", title+".txt"), body, 0o600); err != nil {
		c.Status(http.StatusInternalServerError)
		return
	}
	// ok: go-tainted-path
	os.WriteFile(filepath.Join("/srv/notes", "last.txt"), body, 0o600)
	// ruleid: go-tainted-path
	c.File(filepath.Join("/srv/notes", title))
}
