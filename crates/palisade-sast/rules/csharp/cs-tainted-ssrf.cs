using System;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Mvc;

namespace Preview.Controllers
{
    public class LinkPreviewController : Controller
    {
        private readonly HttpClient _http;

        public LinkPreviewController(HttpClient http)
        {
            _http = http;
        }

        [HttpGet("preview")]
        public async Task<IActionResult> Preview([FromQuery] string url)
        {
            // ruleid: cs-tainted-ssrf
            var html = await _http.GetStringAsync(url);
            return Content(html);
        }

        [HttpGet("legacy")]
        public IActionResult Legacy()
        {
            string target = Request.Query["target"];
            // ruleid: cs-tainted-ssrf
            var req = WebRequest.Create("http://" + target + "/status");
            using var resp = req.GetResponse();
            return Ok();
        }

        [HttpGet("weather")]
        public async Task<IActionResult> Weather([FromQuery] string city)
        {
            // ok: cs-tainted-ssrf
            var json = await _http.GetStringAsync("https://api.weather.example.com/v1/current?city=" + city);
            return Content(json, "application/json");
        }

        [HttpGet("avatar")]
        public async Task<IActionResult> Avatar([FromQuery] string user)
        {
            // ok: cs-tainted-ssrf
            var resp = await _http.GetAsync("avatars/" + Uri.EscapeDataString(user));
            return Ok(resp.StatusCode);
        }

        [HttpPost("webhook")]
        public async Task<IActionResult> Webhook([FromBody] WebhookRequest body)
        {
            // ruleid: cs-tainted-ssrf
            var resp = await _http.PostAsync(body.CallbackUrl, new StringContent("{}"));
            return Ok(resp.StatusCode);
        }
    }

    public class WebhookRequest
    {
        public string CallbackUrl { get; set; }
    }
}
