package tools

import (
	"net/http"
	"os/exec"
	"strconv"

	"github.com/gin-gonic/gin"
)

func Ping(w http.ResponseWriter, r *http.Request) {
	host := r.URL.Query().Get("host")
	// ruleid: go-tainted-command
	out, err := exec.Command("ping", "-c", "3", host).CombinedOutput()
	if err != nil {
		http.Error(w, "ping failed", http.StatusBadGateway)
		return
	}
	w.Header().Set("Content-Type", "text/plain")
	w.Write(out)
}

func Thumbnail(c *gin.Context) {
	size := c.DefaultQuery("size", "128")
	src := c.Param("file")
	// ruleid: go-tainted-command
	cmd := exec.CommandContext(c.Request.Context(), "convert", "/srv/uploads/"+src, "-resize", size, "/tmp/thumb.png")
	if err := cmd.Run(); err != nil {
		c.String(http.StatusInternalServerError, "convert failed")
		return
	}
	n, err := strconv.Atoi(c.Query("lines"))
	if err != nil {
		return
	}
	// ok: go-tainted-command
	tail := exec.Command("tail", "-n", strconv.Itoa(n), "/var/log/app.log")
	// ok: go-tainted-command
	uptime := exec.Command("uptime")
	_, _ = tail.Output()
	_, _ = uptime.Output()
	c.File("/tmp/thumb.png")
}
