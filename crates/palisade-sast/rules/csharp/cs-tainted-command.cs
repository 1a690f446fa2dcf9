using System.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Ops.Controllers
{
    public class DiagnosticsController : Controller
    {
        [HttpGet("ping")]
        public IActionResult Ping([FromQuery] string host)
        {
            // ruleid: cs-tainted-command
            var proc = Process.Start("ping", "-c 1 " + host);
            proc.WaitForExit();
            return Ok();
        }

        [HttpPost("convert")]
        public IActionResult Convert()
        {
            string file = Request.Form["file"];
            var psi = new ProcessStartInfo
            {
                FileName = "/usr/bin/convert",
                // ruleid: cs-tainted-command
                Arguments = $"{file} /tmp/out.png",
                UseShellExecute = false,
            };
            // ruleid: cs-tainted-command
            Process.Start(psi);
            return Ok();
        }

        [HttpPost("run")]
        public IActionResult Run([FromBody] string tool)
        {
            var psi = new ProcessStartInfo();
            // ruleid: cs-tainted-command
            psi.FileName = tool;
            // ok: cs-tainted-command
            psi.Arguments = "--version";
            return Ok();
        }

        [HttpGet("uptime")]
        public IActionResult Uptime([FromQuery] string format)
        {
            var psi = new ProcessStartInfo("uptime");
            if (format == "pretty")
            {
                psi.ArgumentList.Add("-p");
            }
            // ok: cs-tainted-command
            var p = Process.Start(psi);
            return Ok();
        }
    }
}
