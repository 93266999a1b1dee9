/** RFC 4180 CSV writing: comma-separated fields, CRLF line ends, quotes doubled inside quoted fields. */

/** The UTF-8 byte order mark: without it Excel reads a CSV as the local code page and mangles diacritics. */
export const CSV_BOM = '\uFEFF';

/** A cell value: text, a number, or nothing (an empty field). */
export type CsvValue = string | number | null;

// A text cell starting with one of these is a formula to Excel and LibreOffice ("=HYPERLINK(...)").
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One field as RFC 4180 writes it: quoted when it holds a comma, a quote or a line break, with quotes
 * doubled. Text that a spreadsheet would run as a formula gets a leading apostrophe (OWASP's CSV
 * injection advice): the files carry residents' free text and are opened by staff. Numbers are written
 * as they are (a negative longitude stays a number).
 */
export function csvField(value: CsvValue): string {
  if (value === null) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One record, CRLF-terminated. */
export function csvLine(values: readonly CsvValue[]): string {
  return `${values.map(csvField).join(',')}\r\n`;
}
