using Microsoft.AspNetCore.Mvc;

namespace Web.Controllers
{
    public class AccountController : Controller
    {
        [HttpPost("login")]
        public IActionResult Login([FromForm] string user, [FromForm] string password, [FromQuery] string returnUrl)
        {
            if (!SignIn(user, password))
            {
                return View();
            }
            // ruleid: cs-tainted-redirect
            return Redirect(returnUrl);
        }

        [HttpPost("login-safe")]
        public IActionResult LoginSafe([FromForm] string user, [FromForm] string password, [FromQuery] string returnUrl)
        {
            if (!SignIn(user, password))
            {
                return View();
            }
            // ok: cs-tainted-redirect
            return LocalRedirect(returnUrl);
        }

        [HttpGet("logout")]
        public IActionResult Logout()
        {
            string next = Request.Query["next"];
            // ruleid: cs-tainted-redirect
            Response.Redirect(next);
            return new EmptyResult();
        }

        [HttpGet("home")]
        public IActionResult Home()
        {
            // ok: cs-tainted-redirect
            return Redirect("/dashboard");
        }

        private bool SignIn(string user, string password) => user.Length > 0 && password.Length > 0;
    }
}
