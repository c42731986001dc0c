// `npm run bench`: search and list timings, form PDFs, then the yearly bundle export. Arguments go
// to all three (--customers/--queries; --files/--docs/--single; --tenants/--docs/--scan-kb).
await import('./search');
await import('./forms');
await import('./bundle');
export {};
