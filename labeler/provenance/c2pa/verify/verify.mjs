// Runs the reference C2PA implementation (c2pa-rs compiled to WASM) over
// one file, offline, and prints a JSON summary for Belgi's Go tests:
//   node verify.mjs FILE [TRUST_ANCHORS.pem]
// The summary holds the validation state, every failure code, and the
// digitalSourceType of each action in the active manifest.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { extname } from "node:path";
import { initSync, WasmReader } from "@contentauth/c2pa-wasm";

const require = createRequire(import.meta.url);
const wasmPath = require.resolve("@contentauth/c2pa-wasm/c2pa.wasm");
initSync({ module: readFileSync(wasmPath) });

const mimes = {
  ".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".png": "image/png", ".gif": "image/gif",
  ".webp": "image/webp", ".tif": "image/tiff", ".tiff": "image/tiff",
  ".wav": "audio/wav", ".mp3": "audio/mpeg", ".flac": "audio/flac", ".m4a": "audio/mp4",
  ".mp4": "video/mp4", ".mov": "video/quicktime", ".avi": "video/x-msvideo",
  ".pdf": "application/pdf", ".c2pa": "application/c2pa",
  ".heic": "image/heic", ".heif": "image/heif", ".avif": "image/avif",
};
const [file, anchors] = process.argv.slice(2);
const mime = mimes[extname(file).toLowerCase()];
if (!mime) {
  console.error(`verify: unknown extension: ${file}`);
  process.exit(2);
}

const settings = { verify: { remote_manifest_fetch: false, ocsp_fetch: false } };
if (anchors) {
  settings.trust = { trust_anchors: readFileSync(anchors, "utf8") };
}

const bytes = readFileSync(file);
let reader;
try {
  reader = await WasmReader.fromBytes(mime, bytes, JSON.stringify(settings));
} catch (e) {
  // No store, a remote one, or one the reference refuses: say which.
  console.log(JSON.stringify({ state: "", error: String(e?.message ?? e) }));
  process.exit(0);
}
const store = JSON.parse(reader.json());
const active = store.manifests?.[store.active_manifest] ?? {};
const actions = (active.assertions ?? [])
  .filter((a) => a.label.startsWith("c2pa.actions"))
  .flatMap((a) => a.data.actions ?? []);
const results = store.validation_results?.activeManifest ?? {};
const codes = (list) => (list ?? []).map((s) => s.code);
console.log(JSON.stringify({
  state: store.validation_state,
  failures: codes(results.failure),
  statuses: codes(store.validation_status),
  success: codes(results.success),
  informational: codes(results.informational),
  deltas: (store.validation_results?.ingredientDeltas ?? []).flatMap((d) => codes(d.validationDeltas?.failure)),
  actions: actions.map((a) => ({
    action: a.action, digitalSourceType: a.digitalSourceType ?? "",
    softwareAgent: [a.softwareAgent?.name, a.softwareAgent?.version].filter(Boolean).join(" "),
  })),
  claimGenerator: active.claim_generator_info ?? active.claim_generator ?? null,
  ingredients: (active.ingredients ?? []).map((i) => ({
    title: i.title, relationship: i.relationship, format: i.format,
    activeManifest: i.active_manifest ?? "",
    validation: codes(i.validation_results?.activeManifest?.failure).concat(codes(i.validation_results?.activeManifest?.success)),
  })),
  manifests: Object.keys(store.manifests ?? {}).length,
  signer: active.signature_info?.issuer ?? "",
  timestamp: active.signature_info?.time ?? "",
  raw: process.env.C2PA_VERIFY_RAW ? store : undefined,
}, null, 2));
