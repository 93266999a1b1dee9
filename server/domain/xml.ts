/** A value an XML document is written from: text, a number, a flag, nothing, a list or an object. */
export type XmlValue = string | number | boolean | null | undefined | XmlValue[] | { [name: string]: XmlValue };

const NAME = /^[A-Za-z_][A-Za-z0-9_.-]*$/;
// Characters XML 1.0 cannot carry at all (C0 controls but tab, LF, CR; lone surrogates; U+FFFE/U+FFFF).
const INVALID =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/** Text made safe for an XML element or attribute: the five special characters escaped, unwritable characters dropped. */
export function xmlEscape(text: string): string {
  return text.replace(INVALID, '').replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

function element(name: string, value: XmlValue, itemName: (list: string) => string, out: string[]): void {
  if (!NAME.test(name)) throw new Error(`"${name}" is not an XML element name`);
  if (value === null || value === undefined) {
    out.push(`<${name}></${name}>`);
  } else if (Array.isArray(value)) {
    out.push(`<${name}>`);
    for (const item of value) element(itemName(name), item, itemName, out);
    out.push(`</${name}>`);
  } else if (typeof value === 'object') {
    out.push(`<${name}>`);
    for (const [child, v] of Object.entries(value)) element(child, v, itemName, out);
    out.push(`</${name}>`);
  } else {
    out.push(`<${name}>${xmlEscape(String(value))}</${name}>`);
  }
}

/**
 * A UTF-8 XML document with `root` as its element: an object's keys become child elements in order, a
 * list's items become elements named by `itemName(listName)` (`services` -> `service`), null an empty
 * element, flags `true`/`false`. No attributes, no namespaces: what GeoReport v2 needs.
 */
export function toXml(root: string, value: XmlValue, itemName: (list: string) => string): string {
  const out: string[] = ['<?xml version="1.0" encoding="utf-8"?>'];
  element(root, value, itemName, out);
  return out.join('') + '\n';
}
