// Damages a real SQLite file the way a failing disk does: garbage over every page but the first
// (the header and schema), in the database file and in the frames of its WAL.
import { closeSync, existsSync, fstatSync, openSync, readSync, writeSync } from 'node:fs';

const WAL_HEADER = 32;
const FRAME_HEADER = 24;

function garbage(size: number, seed: number): Buffer {
  const bytes = Buffer.alloc(size);
  let x = seed | 1;
  for (let i = 0; i < size; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    bytes[i] = x & 0xff;
  }
  return bytes;
}

function pageSize(file: string): number {
  const fd = openSync(file, 'r');
  const header = Buffer.alloc(100);
  readSync(fd, header, 0, 100, 0);
  closeSync(fd);
  const size = header.readUInt16BE(16);
  return size === 1 ? 65_536 : size;
}

/** Overwrites pages 2.. of `file` (and their copies in `file-wal`); returns how many. */
export function damagePages(file: string): number {
  const size = pageSize(file);
  let damaged = 0;
  const db = openSync(file, 'r+');
  const pages = Math.floor(fstatSync(db).size / size);
  for (let page = 2; page <= pages; page++, damaged++) {
    writeSync(db, garbage(size, page), 0, size, (page - 1) * size);
  }
  closeSync(db);
  const walFile = `${file}-wal`;
  if (!existsSync(walFile)) return damaged;
  const wal = openSync(walFile, 'r+');
  const frames = Math.floor((fstatSync(wal).size - WAL_HEADER) / (FRAME_HEADER + size));
  const header = Buffer.alloc(4);
  for (let frame = 0; frame < frames; frame++) {
    const at = WAL_HEADER + frame * (FRAME_HEADER + size);
    readSync(wal, header, 0, 4, at);
    if (header.readUInt32BE(0) === 1) continue;
    writeSync(wal, garbage(size, frame + 7), 0, size, at + FRAME_HEADER);
    damaged++;
  }
  closeSync(wal);
  return damaged;
}
