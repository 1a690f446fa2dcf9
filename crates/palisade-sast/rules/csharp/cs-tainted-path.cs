using System.IO;
using Microsoft.AspNetCore.Mvc;

namespace Docs.Controllers
{
    public class FilesController : Controller
    {
        private const string BaseDir = "/srv/app/uploads";

        [HttpGet("view")]
        public IActionResult View([FromQuery] string name)
        {
            var path = Path.Combine(BaseDir, name);
            // ruleid: cs-tainted-path
            var text = File.ReadAllText(path);
            return Content(text);
        }

        [HttpGet("download")]
        public IActionResult Download()
        {
            string file = Request.Query["file"];
            // ruleid: cs-tainted-path
            return PhysicalFile(Path.Combine(BaseDir, file), "application/octet-stream");
        }

        [HttpGet("download-safe")]
        public IActionResult DownloadSafe()
        {
            string file = Path.GetFileName(Request.Query["file"]);
            // ok: cs-tainted-path
            return PhysicalFile(Path.Combine(BaseDir, file), "application/octet-stream");
        }

        [HttpDelete("remove/{name}")]
        public IActionResult Remove([FromRoute] string name)
        {
            // ruleid: cs-tainted-path
            File.Delete(BaseDir + "/" + name);
            return NoContent();
        }

        [HttpPost("save")]
        public IActionResult Save([FromForm] string title, [FromForm] string body)
        {
            // ok: cs-tainted-path
            File.WriteAllText(Path.Combine(BaseDir, "notes.txt"), body);
            // ruleid: cs-tainted-path
            using var stream = new FileStream(Path.Combine(BaseDir, title), FileMode.Create);
            return Ok();
        }
    }
}
