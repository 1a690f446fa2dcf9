class A {
  @GetMapping("/x")
  String f(@RequestParam("h") String host, HttpServletRequest request, Statement st) throws Exception {
    Runtime.getRuntime().exec("ping " + host);
    String id = request.getParameter("id");
    String q = "select * from t where id=" + id;
    st.executeQuery(q);
    return helper(id);
  }
  String helper(String v) throws Exception { Runtime.getRuntime().exec(v); return v; }
}
