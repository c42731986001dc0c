// `npm run bench`: the archive at scale (generated; search, list, desk calls, reports, import,
// encryption, cold open, the UI in Chromium), then form PDFs, the yearly bundle export, and OCR.
// Arguments go to all of them: --size small|medium|large or --customers N, --queries, --import-rows,
// --skip-ui; --files/--docs/--single (forms); --tenants/--scan-kb (bundle); --ocr-pages/--fts-pages (OCR).
await import('./archive');
await import('./forms');
await import('./bundle');
await import('./ocr');
export {};
