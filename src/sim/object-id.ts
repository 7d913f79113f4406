// Ids shaped like MongoDB ObjectIds (24 hex digits), as the vendor's sample shows for `_id`.
// Seconds since the epoch, then 5 random bytes, then a counter: unique and roughly time-ordered.

export function createObjectIdFactory(now: () => Date, random: () => number): () => string {
  let counter = Math.floor(random() * 0xffffff);
  return () => {
    counter = (counter + 1) % 0x1000000;
    const seconds = Math.floor(now().getTime() / 1000) % 0x100000000;
    let middle = '';
    for (let i = 0; i < 5; i++) middle += hex(Math.floor(random() * 256), 2);
    return hex(seconds, 8) + middle + hex(counter, 6);
  };
}

function hex(value: number, width: number): string {
  return value.toString(16).padStart(width, '0');
}
