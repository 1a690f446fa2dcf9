async fn run(Query(params): Query<HashMap<String, String>>) -> String {
    let c = params.get("c").unwrap();
    Command::new(c).spawn().unwrap();
    String::new()
}
