using System.IO;
using System.Xml;
using Microsoft.AspNetCore.Mvc;

namespace Import.Controllers
{
    public class ImportController : Controller
    {
        [HttpPost("import/doc")]
        public IActionResult ImportDocument()
        {
            var doc = new XmlDocument();
            // ruleid: cs-xxe-dtd-enabled
            doc.XmlResolver = new XmlUrlResolver();
            doc.Load(Request.Body);
            return Ok(doc.DocumentElement?.Name);
        }

        [HttpPost("import/stream")]
        public IActionResult ImportStream()
        {
            var settings = new XmlReaderSettings
            {
                // ruleid: cs-xxe-dtd-enabled
                DtdProcessing = DtdProcessing.Parse,
                MaxCharactersFromEntities = 0,
            };
            using var reader = XmlReader.Create(Request.Body, settings);
            while (reader.Read()) { }
            return Ok();
        }

        [HttpPost("import/safe")]
        public IActionResult ImportSafe()
        {
            var settings = new XmlReaderSettings
            {
                // ok: cs-xxe-dtd-enabled
                DtdProcessing = DtdProcessing.Prohibit,
                XmlResolver = null,
            };
            using var reader = XmlReader.Create(Request.Body, settings);
            var doc = new XmlDocument();
            // ok: cs-xxe-dtd-enabled
            doc.XmlResolver = null;
            doc.Load(reader);
            return Ok();
        }

        [HttpPost("import/legacy")]
        public IActionResult ImportLegacy()
        {
            var reader = new XmlTextReader(Request.Body);
            // ruleid: cs-xxe-dtd-enabled
            reader.ProhibitDtd = false;
            return Ok();
        }
    }
}
