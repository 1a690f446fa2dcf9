const libxmljs = require("libxmljs2");

function importInvoice(xml) {
  // ruleid: js-libxml-noent
  const doc = libxmljs.parseXml(xml, { noent: true, nonet: true });
  return doc.get("//total").text();
}

function importOrder(xml) {
  // ruleid: js-libxml-noent
  return libxmljs.parseXmlString(xml, {
    noblanks: true,
    noent: true,
  });
}

function importSafely(xml) {
  // ok: js-libxml-noent
  const a = libxmljs.parseXml(xml);
  // ok: js-libxml-noent
  const b = libxmljs.parseXml(xml, { noent: false, nonet: true });
  return [a, b];
}

module.exports = { importInvoice, importOrder, importSafely };
