/**
 * A zip archive of text files, stored without compression: a catalog folder is a few kilobytes, and a stored zip
 * is simple enough to write here in full (PKWARE's APPNOTE, sections 4.3 and 4.4) rather than add a dependency.
 * Every unzipper reads it: the operating systems' own, `unzip`, Python's `zipfile`.
 *
 * Names and contents are UTF-8, and the names are flagged as such (general purpose bit 11), so `Résumé.md` keeps
 * its accent. No ZIP64: an archive this writes is refused past 65,535 files or 4 GiB, which a catalog of at most
 * 1,000 entries never reaches.
 */

export interface ZipFile {
  /** The path inside the archive, with `/` between folders. */
  name: string;
  text: string;
}

const UTF8_NAMES = 0x0800;
const VERSION = 20;

let crcTable: Uint32Array | undefined;

/** CRC-32 (the polynomial 0xEDB88320, as zip and PNG use it). */
export function crc32(bytes: Uint8Array): number {
  crcTable ??= Uint32Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  let crc = 0xffffffff;
  for (const byte of bytes) crc = (crcTable[(crc ^ byte) & 0xff] as number) ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/** The MS-DOS time and date of `when` (local time, two-second steps), as zip headers carry them. */
function dosTime(when: Date): { time: number; date: number } {
  const year = Math.min(Math.max(when.getFullYear(), 1980), 2107);
  return {
    time: (when.getHours() << 11) | (when.getMinutes() << 5) | (when.getSeconds() >> 1),
    date: ((year - 1980) << 9) | ((when.getMonth() + 1) << 5) | when.getDate(),
  };
}

/** The archive's bytes; `when` is every file's modification time. */
export function zipFiles(files: readonly ZipFile[], when: Date): Uint8Array {
  const encoder = new TextEncoder();
  const { time, date } = dosTime(when);
  const locals: Uint8Array[] = [];
  const centrals: Uint8Array[] = [];
  let offset = 0;
  for (const file of files) {
    const name = encoder.encode(file.name);
    const data = encoder.encode(file.text);
    const crc = crc32(data);
    // The fields both headers share, from "version needed" to the name's length.
    const common = (view: DataView, at: number) => {
      view.setUint16(at, VERSION, true);
      view.setUint16(at + 2, UTF8_NAMES, true);
      view.setUint16(at + 4, 0, true); // stored
      view.setUint16(at + 6, time, true);
      view.setUint16(at + 8, date, true);
      view.setUint32(at + 10, crc, true);
      view.setUint32(at + 14, data.length, true);
      view.setUint32(at + 18, data.length, true);
      view.setUint16(at + 22, name.length, true);
    };
    const local = new Uint8Array(30 + name.length + data.length);
    const localView = new DataView(local.buffer);
    localView.setUint32(0, 0x04034b50, true);
    common(localView, 4);
    local.set(name, 30);
    local.set(data, 30 + name.length);
    const central = new Uint8Array(46 + name.length);
    const centralView = new DataView(central.buffer);
    centralView.setUint32(0, 0x02014b50, true);
    centralView.setUint16(4, VERSION, true); // made by: MS-DOS attributes, version 2.0
    common(centralView, 6);
    centralView.setUint32(42, offset, true);
    central.set(name, 46);
    locals.push(local);
    centrals.push(central);
    offset += local.length;
  }
  const directorySize = centrals.reduce((sum, part) => sum + part.length, 0);
  if (files.length > 0xffff || offset + directorySize > 0xffffffff) throw new RangeError('too large for a zip');
  const end = new Uint8Array(22);
  const endView = new DataView(end.buffer);
  endView.setUint32(0, 0x06054b50, true);
  endView.setUint16(8, files.length, true);
  endView.setUint16(10, files.length, true);
  endView.setUint32(12, directorySize, true);
  endView.setUint32(16, offset, true);
  const out = new Uint8Array(offset + directorySize + end.length);
  let at = 0;
  for (const part of [...locals, ...centrals, end]) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}
