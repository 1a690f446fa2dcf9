package views

import (
	"encoding/base64"
	"html/template"
	"net/http"

	"github.com/microcosm-cc/bluemonday"
)

const footer = `<footer>&copy; Example Ltd</footer>`

type Profile struct {
	Name string
	Bio  template.HTML
	Foot template.HTML
	Ad   template.HTML
}

var page = template.Must(template.New("p").Parse(`<h1>{{.Name}}</h1><div>{{.Bio}}</div>{{.Foot}}{{.Ad}}`))

func ShowProfile(w http.ResponseWriter, r *http.Request, bio string) {
	p := Profile{
		Name: r.FormValue("name"),
		// ruleid: go-template-unescaped
		Bio: template.HTML(bio),
		// ok: go-template-unescaped
		Foot: template.HTML(footer),
		// ok: go-template-unescaped
		Ad: template.HTML("<aside>Ad</aside>"),
	}
	page.Execute(w, p)
}

func ShowComment(w http.ResponseWriter, r *http.Request) {
	comment := r.FormValue("comment")
	data := map[string]any{
		// ruleid: go-template-unescaped
		"Comment": template.HTML("<p>" + comment + "</p>"),
		// ruleid: go-template-unescaped
		"Init": template.JS("var user = '" + r.FormValue("user") + "';"),
		// ok: go-template-unescaped
		"Clean": template.HTML(bluemonday.UGCPolicy().Sanitize(comment)),
	}
	page.Execute(w, data)
}

func ShowAvatar(w http.ResponseWriter, png []byte) {
	data := map[string]any{
		// ok: go-template-unescaped
		"Src": template.URL("data:image/png;base64," + base64.StdEncoding.EncodeToString(png)),
	}
	page.Execute(w, data)
}
