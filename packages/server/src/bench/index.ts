// npm run bench: every benchmark in turn; each prints its figures against a baseline of the same run.
// `npm run bench -- <name>` runs one; `national` (8,300 agencies on PostgreSQL, several minutes) runs only when named.
const which = process.argv[2] ?? 'all';
if (which === 'all' || which === 'scoring') await import('./scoring.js');
if (which === 'all' || which === 'results') await import('./results.js');
if (which === 'all' || which === 'documents') await import('./documents.js');
if (which === 'all' || which === 'uploads') await import('./uploads.js');
if (which === 'all' || which === 'hostile-workbooks') await import('./hostile-workbooks.js');
if (which === 'all' || which === 'transparency') await import('./transparency.js');
if (which === 'all' || which === 'links') await import('./links.js');
if (which === 'all' || which === 'surveys') await import('./surveys.js');
if (which === 'all' || which === 'hostile-links') await import('./hostile-links.js');
if (which === 'national') await import('./national.js');
