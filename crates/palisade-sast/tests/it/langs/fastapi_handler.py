@app.get("/x")
def x(q: str = Query(None)):
    os.system("ls " + q)
