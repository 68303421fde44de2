// Shortens the names wasm-bindgen gives the imports and closure exports of the module,
// in the .wasm file and in its JS glue together. wasm-bindgen names every import
// `__wbg_<name>_<16 hex digits>` and every closure shim
// `wasm_bindgen__convert__closures_…_invoke__h<16 hex digits>`; the hex digits do not
// compress, and each name is stored twice (once in each file). The other exports the
// glue reaches only as `wasm.<name>` are renamed as well. Short names save about 4.5 KB
// of brotli on this bundle.
//
// shortenNames(wasmBytes, glueText) -> { wasm, glue, renamed }
// Throws when a name is not found exactly where it is expected in the glue, so a change
// in wasm-bindgen's output fails the build instead of shipping a broken module.

const IMPORT_MODULE = 'a';
const CLOSURE_EXPORT = /^wasm_bindgen__convert__closures_+invoke__h[0-9a-f]+$/;

export function shortenNames(wasmBytes, glueText) {
  const bytes = new Uint8Array(wasmBytes);
  if (bytes[0] !== 0 || bytes[1] !== 0x61 || bytes[2] !== 0x73 || bytes[3] !== 0x6d) {
    throw new Error('not a wasm module');
  }
  const out = [bytes.subarray(0, 8)];
  const importRenames = new Map();
  const exportRenames = new Map();
  const plainRenames = new Map();
  let moduleName = null;
  let pos = 8;
  while (pos < bytes.length) {
    const sectionStart = pos;
    const id = bytes[pos];
    const [size, sizeEnd] = readU32(bytes, pos + 1);
    const payload = bytes.subarray(sizeEnd, sizeEnd + size);
    pos = sizeEnd + size;
    if (id === 2) {
      const rewritten = rewriteImports(payload, (module, field) => {
        if (moduleName !== null && module !== moduleName) {
          throw new Error(`imports from two modules: ${moduleName} and ${module}`);
        }
        moduleName = module;
        const short = shortName(importRenames.size);
        importRenames.set(field, short);
        return [IMPORT_MODULE, short];
      });
      out.push(section(2, rewritten));
    } else if (id === 7) {
      const rewritten = rewriteExports(payload, (name) => {
        if (CLOSURE_EXPORT.test(name)) {
          const short = `_c${exportRenames.size}`;
          exportRenames.set(name, short);
          return short;
        }
        // Any other export the glue reaches only as `wasm.<name>` (the allocator, the
        // externref table, the start function...) gets a short name too.
        if (!onlyAsWasmProperty(glueText, name)) return name;
        const short = `_x${plainRenames.size}`;
        plainRenames.set(name, short);
        return short;
      });
      out.push(section(7, rewritten));
    } else {
      out.push(bytes.subarray(sectionStart, pos));
    }
  }

  let glue = glueText;
  if (moduleName !== null) glue = replaceExactlyOnce(glue, JSON.stringify(moduleName), JSON.stringify(IMPORT_MODULE));
  for (const [long, short] of importRenames) {
    // Every import is one key of the imports object: `{name:` or `,name:`.
    glue = replaceExactlyOnce(glue, new RegExp(`([{,])${long}:`), `$1${short}:`);
  }
  for (const [long, short] of exportRenames) {
    // The glue names its JS wrapper of a closure shim after the export, too: rename both.
    if (!glue.includes(`wasm.${long}`)) throw new Error(`the glue never calls the export ${long}`);
    if (glue.includes(short)) {
      throw new Error(`the short name ${short} is taken in the glue`);
    }
    glue = glue.replaceAll(long, short);
  }
  for (const [long, short] of plainRenames) {
    if (glue.includes(short)) throw new Error(`the short name ${short} is taken in the glue`);
    glue = glue.replace(wholeWord(`wasm.${long}`), `wasm.${short}`);
  }
  return { wasm: concat(out), glue, renamed: importRenames.size + exportRenames.size + plainRenames.size };
}

/** A pattern matching `text` only where it is not part of a longer identifier. */
function wholeWord(text) {
  return new RegExp(`(?<![\\w$.])${text.replaceAll('.', '\\.').replaceAll('$', '\\$')}(?![\\w$])`, 'g');
}

/** How many times `name` appears in the glue as a whole identifier or property. */
function usesIn(glue, name) {
  return (glue.match(new RegExp(`(?<![\\w$])${name}(?![\\w$])`, 'g')) ?? []).length;
}

/** Whether every use of `name` in the glue is as a property of the `wasm` exports. */
function onlyAsWasmProperty(glue, name) {
  const uses = usesIn(glue, name);
  const asProperty = (glue.match(wholeWord(`wasm.${name}`)) ?? []).length;
  return uses > 0 && uses === asProperty;
}

/** a, b, …, z, A, …, Z, then two letters: names that are valid JS identifiers. */
function shortName(index) {
  const letters = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
  let name = '';
  let n = index;
  do {
    name = letters[n % letters.length] + name;
    n = Math.floor(n / letters.length) - 1;
  } while (n >= 0);
  // `_` keeps every short name clear of JS keywords (`do`, `if`, `in`).
  return `_${name}`;
}

function replaceExactlyOnce(text, pattern, replacement) {
  const global = typeof pattern === 'string' ? null : new RegExp(pattern.source, 'g');
  const count = typeof pattern === 'string' ? text.split(pattern).length - 1 : (text.match(global) ?? []).length;
  if (count !== 1) throw new Error(`expected ${pattern} once in the glue, found it ${count} times`);
  return text.replace(pattern, replacement);
}

function rewriteImports(payload, rename) {
  const [count, start] = readU32(payload, 0);
  const parts = [leb(count)];
  let pos = start;
  for (let i = 0; i < count; i += 1) {
    const [module, afterModule] = readName(payload, pos);
    const [field, afterField] = readName(payload, afterModule);
    const descEnd = skipImportDesc(payload, afterField);
    const [newModule, newField] = rename(module, field);
    parts.push(name(newModule), name(newField), payload.subarray(afterField, descEnd));
    pos = descEnd;
  }
  if (pos !== payload.length) throw new Error('trailing bytes in the import section');
  return concat(parts);
}

function rewriteExports(payload, rename) {
  const [count, start] = readU32(payload, 0);
  const parts = [leb(count)];
  let pos = start;
  for (let i = 0; i < count; i += 1) {
    const [exported, afterName] = readName(payload, pos);
    const [, afterIndex] = readU32(payload, afterName + 1);
    parts.push(name(rename(exported)), payload.subarray(afterName, afterIndex));
    pos = afterIndex;
  }
  if (pos !== payload.length) throw new Error('trailing bytes in the export section');
  return concat(parts);
}

/** The end of an import's description: a function, table, memory, global or tag. */
function skipImportDesc(payload, pos) {
  const kind = payload[pos];
  const limits = (at) => {
    const flags = payload[at];
    let [, next] = readU32(payload, at + 1);
    if (flags & 1) [, next] = readU32(payload, next);
    return next;
  };
  switch (kind) {
    case 0: return readU32(payload, pos + 1)[1];
    case 1: return limits(pos + 2);
    case 2: return limits(pos + 1);
    case 3: return pos + 3;
    case 4: return readU32(payload, pos + 2)[1];
    default: throw new Error(`unknown import kind ${kind}`);
  }
}

function readU32(bytes, pos) {
  let value = 0;
  let shift = 0;
  let at = pos;
  for (;;) {
    const byte = bytes[at];
    if (byte === undefined) throw new Error('truncated LEB128');
    at += 1;
    value += (byte & 0x7f) * 2 ** shift;
    if (!(byte & 0x80)) return [value, at];
    shift += 7;
  }
}

function readName(bytes, pos) {
  const [length, start] = readU32(bytes, pos);
  return [new TextDecoder().decode(bytes.subarray(start, start + length)), start + length];
}

function leb(value) {
  const out = [];
  let n = value;
  do {
    let byte = n & 0x7f;
    n = Math.floor(n / 128);
    if (n) byte |= 0x80;
    out.push(byte);
  } while (n);
  return Uint8Array.from(out);
}

function name(text) {
  const encoded = new TextEncoder().encode(text);
  return concat([leb(encoded.length), encoded]);
}

function section(id, payload) {
  return concat([Uint8Array.of(id), leb(payload.length), payload]);
}

function concat(parts) {
  const out = new Uint8Array(parts.reduce((sum, p) => sum + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
