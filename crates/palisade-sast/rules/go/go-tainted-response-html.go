package web

import (
	"fmt"
	"html"
	"io"
	"net/http"

	"github.com/labstack/echo/v4"
)

func Hello(w http.ResponseWriter, r *http.Request) {
	name := r.URL.Query().Get("name")
	// ruleid: go-tainted-response-html
	fmt.Fprintf(w, "<h1>Hello, %s!</h1>", name)
	// ok: go-tainted-response-html
	fmt.Fprintf(w, "<p>Welcome back, %s.</p>", html.EscapeString(name))
}

func Echo(w http.ResponseWriter, r *http.Request) {
	msg := r.PostFormValue("msg")
	// ruleid: go-tainted-response-html
	w.Write([]byte("<div class=\"msg\">" + msg + "</div>"))
	// ok: go-tainted-response-html
	io.WriteString(w, "<footer>ok</footer>")
}

func Export(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "text/csv; charset=utf-8")
	// ok: go-tainted-response-html
	fmt.Fprintf(w, "query,%s\n", r.URL.Query().Get("q"))
}

func Feed(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "application/rss+xml; charset=utf-8")
	// ok: go-tainted-response-html
	fmt.Fprintf(w, "<rss><channel><title>%s</title></channel></rss>", r.URL.Query().Get("site"))
}

func NotFound(c echo.Context) error {
	// ruleid: go-tainted-response-html
	return c.HTML(http.StatusNotFound, "<p>No page named "+c.Param("page")+"</p>")
}
