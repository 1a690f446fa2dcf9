package main
func h(w http.ResponseWriter, r *http.Request) {
	name := r.URL.Query().Get("name")
	exec.Command("sh", "-c", "echo "+name).Run()
}
func g(c *gin.Context) {
	id := c.Query("id")
	q := fmt.Sprintf("select * from t where id=%s", id)
	db.Query(q)
}
func k(r *http.Request, p *Proxy) {
	p.conf.Target = r.FormValue("t")
	exec.Command(p.binary).Run()
	exec.Command(p.conf.Target).Run()
}
