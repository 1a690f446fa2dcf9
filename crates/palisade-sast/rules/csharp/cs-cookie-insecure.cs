using System;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;

namespace Web.Controllers
{
    public class PreferencesController : Controller
    {
        [HttpPost("remember")]
        public IActionResult Remember(string sessionToken)
        {
            var options = new CookieOptions
            {
                // ruleid: cs-cookie-insecure
                Secure = false,
                // ruleid: cs-cookie-insecure
                HttpOnly = false,
                Expires = DateTimeOffset.UtcNow.AddDays(30),
            };
            Response.Cookies.Append("session", sessionToken, options);
            return Ok();
        }

        [HttpPost("remember-safe")]
        public IActionResult RememberSafe(string sessionToken)
        {
            var options = new CookieOptions
            {
                // ok: cs-cookie-insecure
                Secure = true,
                // ok: cs-cookie-insecure
                HttpOnly = true,
                SameSite = SameSiteMode.Strict,
            };
            Response.Cookies.Append("session", sessionToken, options);
            return Ok();
        }

        public IActionResult Legacy(string theme)
        {
            // ruleid: cs-cookie-insecure
            var cookie = new HttpCookie("theme", theme) { HttpOnly = false };
            return Ok(cookie);
        }

        public static void Configure(IServiceCollection services)
        {
            services.ConfigureApplicationCookie(options =>
            {
                // ruleid: cs-cookie-insecure
                options.Cookie.SecurePolicy = CookieSecurePolicy.None;
                // ruleid: cs-cookie-insecure
                options.Cookie.HttpOnly = false;
            });
        }
    }
}
