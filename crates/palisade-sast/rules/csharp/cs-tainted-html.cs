using System.Net;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Greeter
{
    public class GreetingController : Controller
    {
        [HttpGet("hello")]
        public async Task Hello()
        {
            string name = Request.Query["name"];
            // ruleid: cs-tainted-html
            await Response.WriteAsync("<h1>Hello " + name + "</h1>");
        }

        [HttpGet("hello-safe")]
        public async Task HelloSafe()
        {
            string name = Request.Query["name"];
            // ok: cs-tainted-html
            await Response.WriteAsync("<h1>Hello " + WebUtility.HtmlEncode(name) + "</h1>");
        }

        [HttpGet("banner")]
        public IActionResult Banner([FromQuery] string text)
        {
            // ruleid: cs-tainted-html
            ViewBag.Banner = new HtmlString("<div class=\"banner\">" + text + "</div>");
            return View();
        }

        [HttpGet("page")]
        public IActionResult Page([FromQuery] string title)
        {
            var html = $"<html><head><title>{title}</title></head></html>";
            // ruleid: cs-tainted-html
            return Content(html, "text/html");
        }

        [HttpGet("plain")]
        public IActionResult Plain([FromQuery] string title)
        {
            // ok: cs-tainted-html
            return Content(title, "text/plain");
        }
    }
}
