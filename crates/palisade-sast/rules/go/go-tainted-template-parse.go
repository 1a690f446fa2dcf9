package mail

import (
	"html/template"
	"net/http"
	"net/url"
	"strings"
	ttemplate "text/template"
)

type Customer struct {
	Name  string
	Email string
}

var greeting = template.Must(template.New("greet").Parse(`<p>Dear {{.Name}},</p>`))

func PreviewMail(w http.ResponseWriter, r *http.Request) {
	body := r.FormValue("body")
	// ruleid: go-tainted-template-parse
	t, err := ttemplate.New("mail").Parse("Hello {{.Name}}\n" + body)
	if err != nil {
		http.Error(w, "bad template", http.StatusBadRequest)
		return
	}
	t.Execute(w, Customer{Name: "Ada", Email: "ada@example.com"})
}

func Banner(w http.ResponseWriter, r *http.Request) {
	tmpl := template.New("banner").Funcs(template.FuncMap{"upper": strings.ToUpper})
	// ruleid: go-tainted-template-parse
	tmpl, err := tmpl.Parse(r.URL.Query().Get("layout"))
	if err != nil {
		return
	}
	tmpl.Execute(w, nil)
}

func Greet(w http.ResponseWriter, r *http.Request) {
	// ok: go-tainted-template-parse
	u, err := url.Parse(r.FormValue("site"))
	if err != nil {
		return
	}
	// ok: go-tainted-template-parse
	greeting.Execute(w, Customer{Name: r.FormValue("name") + " " + u.Host})
}
