// `npm run bench`: search and list timings, the desk calls with their targets, form PDFs, then the
// yearly bundle export. Arguments go to all of them (--customers/--queries; --rounds;
// --files/--docs/--single; --tenants/--scan-kb).
await import('./search');
await import('./desk');
await import('./forms');
await import('./bundle');
export {};
