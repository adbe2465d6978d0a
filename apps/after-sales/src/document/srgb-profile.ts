/**
 * A small ICC (v2.1) display profile for sRGB: the IEC 61966-2.1 primaries adapted to D50 and its
 * tone curve as a 256-entry table. PDF/A wants an output intent with an ICC profile for the device
 * colours a document uses; building it here keeps a binary colour profile out of the repository.
 */
export function srgbIccProfile(): Uint8Array {
  const tags: [string, Uint8Array][] = [];
  const trc = curveTag();
  tags.push(['desc', descriptionTag('sRGB IEC61966-2.1 (Carebridge)')]);
  tags.push(['cprt', textTag('No copyright, use freely')]);
  tags.push(['wtpt', xyzTag(0.9642, 1.0, 0.8249)]);
  tags.push(['rXYZ', xyzTag(0.4360747, 0.2225045, 0.0139322)]);
  tags.push(['gXYZ', xyzTag(0.3850649, 0.7168786, 0.0971045)]);
  tags.push(['bXYZ', xyzTag(0.1430804, 0.0606169, 0.7141733)]);
  tags.push(['rTRC', trc], ['gTRC', trc], ['bTRC', trc]);

  const headerSize = 128;
  const tableSize = 4 + tags.length * 12;
  // Tag data, 4-byte aligned; the three tone curves share one block.
  const offsets = new Map<Uint8Array, number>();
  let cursor = align(headerSize + tableSize);
  for (const [, data] of tags) {
    if (offsets.has(data)) continue;
    offsets.set(data, cursor);
    cursor = align(cursor + data.length);
  }
  const profile = new Uint8Array(cursor);
  const view = new DataView(profile.buffer);
  view.setUint32(0, cursor);
  ascii(profile, 4, 'none');
  view.setUint32(8, 0x02100000);
  ascii(profile, 12, 'mntr');
  ascii(profile, 16, 'RGB ');
  ascii(profile, 20, 'XYZ ');
  // Creation date (2026-01-01 00:00:00): fixed, so the same profile is byte-identical in every document.
  [2026, 1, 1, 0, 0, 0].forEach((value, index) => view.setUint16(24 + index * 2, value));
  ascii(profile, 36, 'acsp');
  view.setUint32(64, 0); // perceptual
  s15Fixed16(view, 68, 0.9642);
  s15Fixed16(view, 72, 1.0);
  s15Fixed16(view, 76, 0.8249);
  view.setUint32(headerSize, tags.length);
  tags.forEach(([signature, data], index) => {
    const entry = headerSize + 4 + index * 12;
    ascii(profile, entry, signature);
    view.setUint32(entry + 4, offsets.get(data) as number);
    view.setUint32(entry + 8, data.length);
  });
  for (const [data, offset] of offsets) profile.set(data, offset);
  return profile;
}

function descriptionTag(description: string): Uint8Array {
  // textDescriptionType: ASCII part (with its NUL), empty Unicode and ScriptCode parts (67 bytes).
  const data = new Uint8Array(align(12 + description.length + 1 + 4 + 4 + 2 + 1 + 67));
  const view = new DataView(data.buffer);
  ascii(data, 0, 'desc');
  view.setUint32(8, description.length + 1);
  ascii(data, 12, description);
  return data;
}

function textTag(text: string): Uint8Array {
  const data = new Uint8Array(align(8 + text.length + 1));
  ascii(data, 0, 'text');
  ascii(data, 8, text);
  return data;
}

function xyzTag(x: number, y: number, z: number): Uint8Array {
  const data = new Uint8Array(20);
  const view = new DataView(data.buffer);
  ascii(data, 0, 'XYZ ');
  s15Fixed16(view, 8, x);
  s15Fixed16(view, 12, y);
  s15Fixed16(view, 16, z);
  return data;
}

/** The sRGB transfer function (IEC 61966-2.1), sampled at 256 points. */
function curveTag(): Uint8Array {
  const points = 256;
  const data = new Uint8Array(12 + points * 2);
  const view = new DataView(data.buffer);
  ascii(data, 0, 'curv');
  view.setUint32(8, points);
  for (let i = 0; i < points; i++) {
    const v = i / (points - 1);
    const linear = v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
    view.setUint16(12 + i * 2, Math.round(linear * 65535));
  }
  return data;
}

function s15Fixed16(view: DataView, offset: number, value: number): void {
  view.setInt32(offset, Math.round(value * 65536));
}

function ascii(target: Uint8Array, offset: number, text: string): void {
  for (let i = 0; i < text.length; i++) target[offset + i] = text.charCodeAt(i) & 0x7f;
}

function align(size: number): number {
  return Math.ceil(size / 4) * 4;
}
