package auth

import (
	"net/http"
	"net/url"

	"github.com/gin-gonic/gin"
)

func Login(w http.ResponseWriter, r *http.Request) {
	next := r.FormValue("next")
	// ruleid: go-tainted-redirect
	http.Redirect(w, r, next, http.StatusFound)
}

func Logout(w http.ResponseWriter, r *http.Request) {
	// ruleid: go-tainted-redirect
	http.Redirect(w, r, r.Referer(), http.StatusSeeOther)
}

func Search(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query().Get("q")
	// ok: go-tainted-redirect
	http.Redirect(w, r, "/results?q="+url.QueryEscape(q), http.StatusFound)
}

func OAuthDone(c *gin.Context) {
	// ruleid: go-tainted-redirect
	c.Redirect(http.StatusFound, c.Query("return_to"))
}

func Home(c *gin.Context) {
	// ok: go-tainted-redirect
	c.Redirect(http.StatusMovedPermanently, "/dashboard")
}
