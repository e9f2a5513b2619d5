/**
 * /favicon.ico: a 16×16 icon (a white calendar page on the brand blue), built as ICO bytes here so
 * Node and Workers serve it without a file system. Browsers ask for this path on every site.
 */
const SIZE = 16;
const BLUE = [0x8a, 0x4f, 0x0b, 0xff]; // BGRA of #0b4f8a
const WHITE = [0xff, 0xff, 0xff, 0xff];
const CLEAR = [0, 0, 0, 0];

/** Which colour a pixel is, row 0 at the top. */
function pixel(x: number, y: number): number[] {
  const corner = (x === 0 || x === SIZE - 1) && (y === 0 || y === SIZE - 1);
  if (corner) return CLEAR;
  const page = x >= 3 && x <= 12 && y >= 3 && y <= 13;
  const rings = (x === 5 || x === 10) && y === 2;
  const header = page && y <= 5;
  const cell = page && y >= 7 && y <= 12 && x >= 4 && x <= 11 && (x - 4) % 3 !== 2 && (y - 7) % 3 !== 2;
  if (rings) return WHITE;
  if (header) return WHITE;
  if (page) return cell ? WHITE : [0xd9, 0xc3, 0xa8, 0xff];
  return BLUE;
}

function buildIco(): Uint8Array<ArrayBuffer> {
  const pixels = SIZE * SIZE * 4;
  const mask = SIZE * 4; // 1 bit per pixel, rows padded to 32 bits: all zero (alpha decides)
  const image = 40 + pixels + mask;
  const out = new Uint8Array(6 + 16 + image);
  const v = new DataView(out.buffer);
  v.setUint16(2, 1, true); // type: icon
  v.setUint16(4, 1, true); // one image
  out[6] = SIZE;
  out[7] = SIZE;
  v.setUint16(10, 1, true); // planes
  v.setUint16(12, 32, true); // bits per pixel
  v.setUint32(14, image, true);
  v.setUint32(18, 22, true); // offset of the image
  const h = 22;
  v.setUint32(h, 40, true);
  v.setInt32(h + 4, SIZE, true);
  v.setInt32(h + 8, SIZE * 2, true); // XOR and AND masks together
  v.setUint16(h + 12, 1, true);
  v.setUint16(h + 14, 32, true);
  v.setUint32(h + 20, pixels + mask, true);
  let o = h + 40;
  for (let row = SIZE - 1; row >= 0; row--) {
    for (let x = 0; x < SIZE; x++) {
      out.set(pixel(x, row), o);
      o += 4;
    }
  }
  return out;
}

export const FAVICON_ICO = buildIco();
