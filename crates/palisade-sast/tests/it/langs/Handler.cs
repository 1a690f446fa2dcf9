public class C : Controller {
  public IActionResult Run([FromQuery] string cmd) {
    Process.Start("cmd.exe", "/c " + cmd);
    var n = Request.Query["n"];
    var c = new SqlCommand("select * from t where n='" + n + "'", conn);
    return Ok();
  }
}
