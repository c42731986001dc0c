// `npm run bench`: search and list timings, then form PDFs. Arguments go to both
// (--customers N --queries N for search; --files N --docs N --single N for forms).
await import('./search');
await import('./forms');
